package dev.mpotel;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces every business method of a bean (on a type) or one method, with the same rules as
 * OpenTelemetry's {@code @WithSpan}: a span named {@code SimpleClassName.method}, a child of the current
 * span, ended when the method returns, throws, or its {@code CompletionStage} completes.
 *
 * <p>Methods that carry {@code @WithSpan} themselves keep their own span and are not traced twice.
 * {@code equals}, {@code hashCode} and {@code toString} are never traced.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {

  /** Span kind; internal by default. */
  @Nonbinding
  io.opentelemetry.api.trace.SpanKind kind() default io.opentelemetry.api.trace.SpanKind.INTERNAL;
}
