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
 * Counts the calls of one method, or of every business method of a bean, in a monotonic counter.
 *
 * <p>Each call adds one with the attribute {@code code.function.name} (the method) and, when it throws,
 * {@code error.type} (the exception class). A method returning a {@code CompletionStage} is counted when
 * the stage completes. The counter is named {@link #value()}, or {@code SimpleClassName.method.invocations}
 * when that is empty; a name set on a type is shared by all its methods, told apart by the attribute.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Counted {

  /** Metric name; empty means {@code SimpleClassName.method.invocations}. */
  @Nonbinding
  String value() default "";

  /** Metric description. */
  @Nonbinding
  String description() default "";
}
