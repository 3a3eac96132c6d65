package dev.mpotel.benchmarks;

import dev.mpotel.cdi.MpOtelExtension;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The Weld SE container the benchmark (and its smoke test) runs in: discovery off, the mp-otel extension
 * added explicitly, the benchmark beans, and the SDK settings as system properties (no MicroProfile Config
 * on this class path, so mp-otel reads system properties and the environment).
 */
public final class BenchContainer {

  /** SDK settings: always sample, no network exporter (the counting exporter is added by SPI). */
  static final Map<String, String> SETTINGS =
      Map.of(
          "otel.sdk.disabled", "false",
          "otel.service.name", "bench",
          "otel.traces.sampler", "always_on",
          "otel.traces.exporter", "none",
          "otel.metrics.exporter", "none",
          "otel.logs.exporter", "none");

  static final Class<?>[] BEANS = {
    PlainBean.class, ManualSpanBean.class, WithSpanBean.class, TracedBean.class, CountedBean.class, TimedBean.class,
    NoopInterceptedBean.class, NoopInterceptor.class
  };

  private BenchContainer() {}

  /** Sets the SDK settings (a value already given with {@code -D} wins) and starts Weld. */
  public static WeldContainer start() {
    SETTINGS.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
    return new Weld("mp-otel-bench")
        .disableDiscovery()
        .property("org.jboss.weld.se.shutdownHook", false)
        .addExtension(new MpOtelExtension())
        .addBeanClasses(BEANS)
        .initialize();
  }

  /** The sum of a counter, or the count of a histogram, as collected now; 0 if the metric does not exist. */
  public static long metricCount(String metricName) {
    for (MetricData metric : CountingTelemetry.current().metrics.collect()) {
      if (!metric.getName().equals(metricName)) {
        continue;
      }
      switch (metric.getType()) {
        case LONG_SUM:
          return metric.getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
        case HISTOGRAM:
          return metric.getHistogramData().getPoints().stream().mapToLong(HistogramPointData::getCount).sum();
        default:
          throw new IllegalStateException("Unexpected metric type " + metric.getType() + " for " + metricName);
      }
    }
    return 0;
  }
}
