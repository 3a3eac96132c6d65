package dev.mpotel.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.semconv.CodeAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The low-cardinality attributes of one method's measurements: {@code code.function.name}, plus
 * {@code error.type} (the exception class) when it fails. Error attributes are made once per exception
 * class, so a failing call allocates nothing more than a successful one.
 */
final class MethodMetric {

  private static final Pattern NOT_ALLOWED_IN_NAMES = Pattern.compile("[^A-Za-z0-9_./-]");

  private final Attributes success;
  private final Map<Class<?>, Attributes> failures = new ConcurrentHashMap<>();

  MethodMetric(Method method) {
    this.success = Attributes.of(CodeAttributes.CODE_FUNCTION_NAME, method.getDeclaringClass().getName() + "." + method.getName());
  }

  Attributes attributes(Throwable error) {
    if (error == null) {
      return success;
    }
    return failures.computeIfAbsent(
        error.getClass(), type -> success.toBuilder().put(ErrorAttributes.ERROR_TYPE, type.getName()).build());
  }

  /**
   * The instrument name: the annotation's when set, else {@code SimpleClassName.method.<suffix>}, with
   * characters OpenTelemetry does not accept in instrument names replaced by {@code _}.
   */
  static String name(String configured, Method method, String suffix) {
    if (!configured.isEmpty()) {
      return configured;
    }
    return NOT_ALLOWED_IN_NAMES.matcher(label(method) + "." + suffix).replaceAll("_");
  }

  /**
   * The annotation's description, else one naming the method; none for a name shared by several methods,
   * whose instruments must agree to be one metric.
   */
  static String description(String configured, String configuredName, String prefix, Method method) {
    if (!configured.isEmpty()) {
      return configured;
    }
    return configuredName.isEmpty() ? prefix + label(method) : "";
  }

  /** {@code SimpleClassName.method}. */
  static String label(Method method) {
    Class<?> type = method.getDeclaringClass();
    String simple = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    return simple + "." + method.getName();
  }
}
