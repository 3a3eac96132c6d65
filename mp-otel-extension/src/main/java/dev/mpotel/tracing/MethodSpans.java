package dev.mpotel.tracing;

import dev.mpotel.Traced;
import dev.mpotel.cdi.Completion;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link MethodSpan} of every traced method, worked out on first call and kept for the life of the
 * container (not in a static, so nothing outlives a redeploy).
 */
@Singleton
public class MethodSpans {

  private static final Logger LOG = Logger.getLogger(MethodSpans.class.getName());

  private final Map<Method, MethodSpan> withSpan = new ConcurrentHashMap<>();
  private final Map<Method, MethodSpan> traced = new ConcurrentHashMap<>();

  /** For methods carrying {@code @WithSpan}. */
  MethodSpan withSpan(Method method) {
    MethodSpan span = withSpan.get(method);
    return span != null ? span : withSpan.computeIfAbsent(method, m -> safely(m, MethodSpans::forWithSpan));
  }

  /** For business methods of a {@code @Traced} bean, or {@code @Traced} methods. */
  MethodSpan traced(Method method) {
    MethodSpan span = traced.get(method);
    return span != null ? span : traced.computeIfAbsent(method, m -> safely(m, MethodSpans::forTraced));
  }

  private static MethodSpan forWithSpan(Method method) {
    WithSpan annotation = method.getAnnotation(WithSpan.class);
    if (annotation == null) {
      return MethodSpan.UNTRACED;
    }
    String name = annotation.value().isEmpty() ? defaultName(method) : annotation.value();
    return new MethodSpan(name, annotation.kind(), annotation.inheritContext(), SpanAttributeBinder.of(method), Completion.isAsync(method));
  }

  private static MethodSpan forTraced(Method method) {
    if (method.isAnnotationPresent(WithSpan.class) || isObjectMethod(method)) {
      return MethodSpan.UNTRACED;
    }
    Traced annotation = method.getAnnotation(Traced.class);
    if (annotation == null) {
      annotation = method.getDeclaringClass().getAnnotation(Traced.class);
    }
    SpanKind kind = annotation == null ? SpanKind.INTERNAL : annotation.kind();
    return new MethodSpan(defaultName(method), kind, true, SpanAttributeBinder.of(method), Completion.isAsync(method));
  }

  /** MicroProfile Telemetry's default: {@code SimpleClassName.method}. */
  static String defaultName(Method method) {
    Class<?> type = method.getDeclaringClass();
    String simple = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    return simple + "." + method.getName();
  }

  private static boolean isObjectMethod(Method method) {
    String name = method.getName();
    int arity = method.getParameterCount();
    return (arity == 0 && (name.equals("toString") || name.equals("hashCode"))) || (arity == 1 && name.equals("equals"));
  }

  /** A method we cannot understand runs untraced, and is reported once, not on every call. */
  private static MethodSpan safely(Method method, java.util.function.Function<Method, MethodSpan> build) {
    try {
      return build.apply(method);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "mp-otel cannot trace " + method + "; it runs untraced", e);
      return MethodSpan.UNTRACED;
    }
  }
}
