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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Puts every exporter autoconfigure builds behind a handle that lets go of it once it is shut down, so that the
 * shut-down SDK no longer reaches the exporter, its sender or the sender's JDK {@code HttpClient}.
 *
 * <p>Why: on JDK 17 an {@code HttpClient} cannot be closed; its {@code HttpClient-N-SelectorManager} thread ends
 * only once the client is garbage collected. A server may keep objects of an undeployed application reachable for a
 * while (WildFly's idle worker threads hold the last request they served, and through it the application's Jakarta
 * REST filters, which hold the SDK). Without this, the exporters' clients, their selector threads, and through those
 * threads' context class loader the whole application, stay alive with them. With it, the clients are unreachable
 * as soon as the SDK is shut down, whatever still holds the SDK.
 */
final class ReleasingExporters {

  private final List<Releasable<?>> exporters = new CopyOnWriteArrayList<>();

  SpanExporter span(SpanExporter exporter) {
    return register(new Span(exporter));
  }

  MetricExporter metric(MetricExporter exporter) {
    return register(new Metric(exporter));
  }

  LogRecordExporter logRecord(LogRecordExporter exporter) {
    return register(new LogRecord(exporter));
  }

  private <T extends Releasable<?>> T register(T exporter) {
    exporters.add(exporter);
    return exporter;
  }

  /**
   * Lets go of every exporter, shut down or not: after the SDK's shutdown, also when it did not finish in time (what
   * an exporter still sends then holds its own references and completes; nothing new reaches it).
   */
  void releaseAll() {
    for (Releasable<?> exporter : exporters) {
      exporter.release();
    }
  }

  /** Whether every exporter has been let go of. */
  boolean allReleased() {
    return exporters.stream().allMatch(Releasable::released);
  }

  /** Forwards to its delegate until shut down or released, then forgets it. */
  private abstract static class Releasable<E> {
    private volatile E delegate;

    Releasable(E delegate) {
      this.delegate = delegate;
    }

    /** An export after the release fails: nothing is sent any more. */
    final CompletableResultCode sending(Function<E, CompletableResultCode> call) {
      E current = delegate;
      return current == null ? CompletableResultCode.ofFailure() : call.apply(current);
    }

    final CompletableResultCode flushing(Function<E, CompletableResultCode> call) {
      E current = delegate;
      return current == null ? CompletableResultCode.ofSuccess() : call.apply(current);
    }

    /** Shuts the delegate down (once) and forgets it. */
    final CompletableResultCode shuttingDown(Function<E, CompletableResultCode> call) {
      E current = delegate;
      delegate = null;
      return current == null ? CompletableResultCode.ofSuccess() : call.apply(current);
    }

    final void release() {
      delegate = null;
    }

    final boolean released() {
      return delegate == null;
    }

    @Override
    public String toString() {
      return getClass().getSimpleName() + "[" + delegate + "]";
    }
  }

  static final class Span extends Releasable<SpanExporter> implements SpanExporter {
    Span(SpanExporter delegate) {
      super(delegate);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return sending(exporter -> exporter.export(spans));
    }

    @Override
    public CompletableResultCode flush() {
      return flushing(SpanExporter::flush);
    }

    @Override
    public CompletableResultCode shutdown() {
      return shuttingDown(SpanExporter::shutdown);
    }
  }

  /** What a metric reader asks of its exporter's configuration (temporality, aggregation, memory mode) is read up front. */
  static final class Metric extends Releasable<MetricExporter> implements MetricExporter {
    private final Map<InstrumentType, AggregationTemporality> temporality = new EnumMap<>(InstrumentType.class);
    private final Map<InstrumentType, Aggregation> aggregation = new EnumMap<>(InstrumentType.class);
    private final MemoryMode memoryMode;

    Metric(MetricExporter delegate) {
      super(delegate);
      for (InstrumentType type : InstrumentType.values()) {
        temporality.put(type, delegate.getAggregationTemporality(type));
        aggregation.put(type, delegate.getDefaultAggregation(type));
      }
      this.memoryMode = delegate.getMemoryMode();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return temporality.get(instrumentType);
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
      return aggregation.get(instrumentType);
    }

    @Override
    public MemoryMode getMemoryMode() {
      return memoryMode;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return sending(exporter -> exporter.export(metrics));
    }

    @Override
    public CompletableResultCode flush() {
      return flushing(MetricExporter::flush);
    }

    @Override
    public CompletableResultCode shutdown() {
      return shuttingDown(MetricExporter::shutdown);
    }
  }

  static final class LogRecord extends Releasable<LogRecordExporter> implements LogRecordExporter {
    LogRecord(LogRecordExporter delegate) {
      super(delegate);
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      return sending(exporter -> exporter.export(logs));
    }

    @Override
    public CompletableResultCode flush() {
      return flushing(LogRecordExporter::flush);
    }

    @Override
    public CompletableResultCode shutdown() {
      return shuttingDown(LogRecordExporter::shutdown);
    }
  }
}
