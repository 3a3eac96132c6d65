package dev.mpotel.sdk;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Runs the exporters with the application's class loader as the thread's context class loader.
 *
 * <p>The SDK calls its exporters on threads of its own (batch span and log processors, the periodic metric
 * reader), which it starts with no context class loader so that they pin no application. An exporter may be
 * application code, for example a CDI bean found through {@code CDI.current()}: Payara's Weld finds the
 * application of a client proxy through the context class loader alone and fails every call made without one
 * ({@code Thread's context class loader is null}). Jakarta EE runs application code with the application's class
 * loader as context class loader, so each call gets it for its duration and the thread is left as it was.
 */
final class ApplicationLoaderExporters {

  private ApplicationLoaderExporters() {}

  static SpanExporter spans(SpanExporter exporter, ClassLoader loader) {
    return new Spans(exporter, loader);
  }

  static MetricExporter metrics(MetricExporter exporter, ClassLoader loader) {
    return new Metrics(exporter, loader);
  }

  static LogRecordExporter logs(LogRecordExporter exporter, ClassLoader loader) {
    return new Logs(exporter, loader);
  }

  static <T> T withLoader(ClassLoader loader, Supplier<T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    if (previous == loader) {
      return call.get();
    }
    thread.setContextClassLoader(loader);
    try {
      return call.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static final class Spans implements SpanExporter {
    private final SpanExporter delegate;
    private final ClassLoader loader;

    Spans(SpanExporter delegate, ClassLoader loader) {
      this.delegate = delegate;
      this.loader = loader;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return withLoader(loader, () -> delegate.export(spans));
    }

    @Override
    public CompletableResultCode flush() {
      return withLoader(loader, delegate::flush);
    }

    @Override
    public CompletableResultCode shutdown() {
      return withLoader(loader, delegate::shutdown);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }

  private static final class Metrics implements MetricExporter {
    private final MetricExporter delegate;
    private final ClassLoader loader;

    Metrics(MetricExporter delegate, ClassLoader loader) {
      this.delegate = delegate;
      this.loader = loader;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return withLoader(loader, () -> delegate.getAggregationTemporality(instrumentType));
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
      return withLoader(loader, () -> delegate.getDefaultAggregation(instrumentType));
    }

    @Override
    public MemoryMode getMemoryMode() {
      return withLoader(loader, delegate::getMemoryMode);
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return withLoader(loader, () -> delegate.export(metrics));
    }

    @Override
    public CompletableResultCode flush() {
      return withLoader(loader, delegate::flush);
    }

    @Override
    public CompletableResultCode shutdown() {
      return withLoader(loader, delegate::shutdown);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }

  private static final class Logs implements LogRecordExporter {
    private final LogRecordExporter delegate;
    private final ClassLoader loader;

    Logs(LogRecordExporter delegate, ClassLoader loader) {
      this.delegate = delegate;
      this.loader = loader;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      return withLoader(loader, () -> delegate.export(logs));
    }

    @Override
    public CompletableResultCode flush() {
      return withLoader(loader, delegate::flush);
    }

    @Override
    public CompletableResultCode shutdown() {
      return withLoader(loader, delegate::shutdown);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
