package dev.mpotel.benchmarks;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Autoconfigure SPI (registered in {@code META-INF/services}) that adds, to every SDK mp-otel builds in
 * this JVM, {@code SimpleSpanProcessor.create(countingExporter)} and a metric reader. Every span is thus
 * really ended and exported synchronously, to an exporter that only counts spans by name; and
 * {@code @Counted}/{@code @Timed} really aggregate (with {@code otel.metrics.exporter=none} and no reader,
 * the SDK would drop the measurements).
 */
public final class CountingTelemetry implements AutoConfigurationCustomizerProvider {

  private static volatile Exporters current;

  /** The exporters of the SDK built last in this JVM. */
  public static Exporters current() {
    Exporters exporters = current;
    if (exporters == null) {
      throw new IllegalStateException("No SDK was built with " + CountingTelemetry.class.getName()
          + ": is the OpenTelemetry SDK on (otel.sdk.disabled=false) and the service file on the class path?");
    }
    return exporters;
  }

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    Exporters exporters = new Exporters();
    customizer.addTracerProviderCustomizer(
        (builder, config) -> {
          current = exporters;
          return builder.addSpanProcessor(SimpleSpanProcessor.create(exporters.spans));
        });
    customizer.addMeterProviderCustomizer((builder, config) -> builder.registerMetricReader(exporters.metrics));
  }

  /** One SDK's counting exporter and metric reader. */
  public static final class Exporters {
    public final CountingSpanExporter spans = new CountingSpanExporter();
    public final CollectingMetricReader metrics = new CollectingMetricReader();
  }

  /** A span exporter that only counts the spans it gets, by name. */
  public static final class CountingSpanExporter implements SpanExporter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      for (SpanData span : spans) {
        LongAdder count = counts.get(span.getName());
        if (count == null) {
          count = counts.computeIfAbsent(span.getName(), name -> new LongAdder());
        }
        count.increment();
      }
      return CompletableResultCode.ofSuccess();
    }

    /** How many spans with this name were exported. */
    public long count(String name) {
      LongAdder count = counts.get(name);
      return count == null ? 0 : count.sum();
    }

    /** Spans exported so far, by name. */
    public Map<String, Long> counts() {
      Map<String, Long> snapshot = new TreeMap<>();
      counts.forEach((name, count) -> snapshot.put(name, count.sum()));
      return snapshot;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** A pull reader: the SDK aggregates, and {@link #collect()} reads on demand (cumulative). */
  public static final class CollectingMetricReader implements MetricReader {

    private volatile CollectionRegistration registration;

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    /** Everything the SDK has aggregated so far. */
    public Collection<MetricData> collect() {
      CollectionRegistration current = registration;
      return current == null ? List.of() : current.collectAllMetrics();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
