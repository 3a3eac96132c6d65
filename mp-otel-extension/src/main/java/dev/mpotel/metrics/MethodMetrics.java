package dev.mpotel.metrics;

import dev.mpotel.Counted;
import dev.mpotel.Timed;
import dev.mpotel.cdi.Completion;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The counter or histogram of every {@code @Counted}/{@code @Timed} method, made on first call and kept
 * for the life of the container. Instruments with the same name are shared, as OpenTelemetry does.
 */
@Singleton
public class MethodMetrics {

  private static final Logger LOG = Logger.getLogger(MethodMetrics.class.getName());

  /** Bucket boundaries in seconds, those of the semantic conventions' duration histograms. */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final Meter meter;
  private final Map<Method, CountedMethod> counted = new ConcurrentHashMap<>();
  private final Map<Method, TimedMethod> timed = new ConcurrentHashMap<>();

  @Inject
  public MethodMetrics(Meter meter) {
    this.meter = meter;
  }

  CountedMethod counted(Method method) {
    CountedMethod found = counted.get(method);
    return found != null ? found : counted.computeIfAbsent(method, this::newCounted);
  }

  TimedMethod timed(Method method) {
    TimedMethod found = timed.get(method);
    return found != null ? found : timed.computeIfAbsent(method, this::newTimed);
  }

  private CountedMethod newCounted(Method method) {
    try {
      Counted annotation = binding(method, Counted.class);
      String configured = annotation == null ? "" : annotation.value();
      String description = annotation == null ? "" : annotation.description();
      LongCounter counter =
          meter.counterBuilder(MethodMetric.name(configured, method, "invocations"))
              .setUnit("{invocation}")
              .setDescription(MethodMetric.description(description, configured, "Calls of ", method))
              .build();
      return new CountedMethod(counter, new MethodMetric(method), Completion.isAsync(method));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "mp-otel cannot count " + method + "; it runs uncounted", e);
      return new CountedMethod(null, null, false);
    }
  }

  private TimedMethod newTimed(Method method) {
    try {
      Timed annotation = binding(method, Timed.class);
      String configured = annotation == null ? "" : annotation.value();
      String description = annotation == null ? "" : annotation.description();
      DoubleHistogram histogram =
          meter.histogramBuilder(MethodMetric.name(configured, method, "duration"))
              .setUnit("s")
              .setDescription(MethodMetric.description(description, configured, "Duration of ", method))
              .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
              .build();
      return new TimedMethod(histogram, new MethodMetric(method), Completion.isAsync(method));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "mp-otel cannot time " + method + "; it runs untimed", e);
      return new TimedMethod(null, null, false);
    }
  }

  /** The binding on the method, else on its class (inherited). */
  private static <A extends java.lang.annotation.Annotation> A binding(Method method, Class<A> type) {
    A annotation = method.getAnnotation(type);
    return annotation != null ? annotation : method.getDeclaringClass().getAnnotation(type);
  }

  /** One {@code @Counted} method. */
  static final class CountedMethod {
    private final LongCounter counter;
    private final MethodMetric metric;
    private final boolean async;

    CountedMethod(LongCounter counter, MethodMetric metric, boolean async) {
      this.counter = counter;
      this.metric = metric;
      this.async = async;
    }

    Object invoke(jakarta.interceptor.InvocationContext context) throws Exception {
      if (counter == null) {
        return context.proceed();
      }
      Object result;
      try {
        result = context.proceed();
      } catch (Throwable error) {
        counter.add(1, metric.attributes(error));
        throw error;
      }
      if (async) {
        return Completion.whenComplete(result, error -> counter.add(1, metric.attributes(error)));
      }
      counter.add(1, metric.attributes(null));
      return result;
    }
  }

  /** One {@code @Timed} method. */
  static final class TimedMethod {
    private final DoubleHistogram histogram;
    private final MethodMetric metric;
    private final boolean async;

    TimedMethod(DoubleHistogram histogram, MethodMetric metric, boolean async) {
      this.histogram = histogram;
      this.metric = metric;
      this.async = async;
    }

    Object invoke(jakarta.interceptor.InvocationContext context) throws Exception {
      if (histogram == null) {
        return context.proceed();
      }
      long start = System.nanoTime();
      Object result;
      try {
        result = context.proceed();
      } catch (Throwable error) {
        record(start, error);
        throw error;
      }
      if (async) {
        return Completion.whenComplete(result, error -> record(start, error));
      }
      record(start, null);
      return result;
    }

    private void record(long start, Throwable error) {
      histogram.record((System.nanoTime() - start) / 1_000_000_000.0, metric.attributes(error));
    }
  }
}
