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
 * Records how long one method, or every business method of a bean, takes in a histogram of seconds.
 *
 * <p>Attributes are {@code code.function.name} (the method) and, when it throws, {@code error.type}. A
 * method returning a {@code CompletionStage} is timed until the stage completes. The histogram is named
 * {@link #value()}, or {@code SimpleClassName.method.duration} when that is empty; a name set on a type is
 * shared by all its methods, told apart by the attribute.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Timed {

  /** Metric name; empty means {@code SimpleClassName.method.duration}. */
  @Nonbinding
  String value() default "";

  /** Metric description. */
  @Nonbinding
  String description() default "";
}
