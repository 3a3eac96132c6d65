package dev.mpotel.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApplicationLoaderExportersTest {

  private final URLClassLoader application = new URLClassLoader(new URL[0], null);
  private final List<ClassLoader> seen = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    application.close();
  }

  @Test
  void theSdkExportThreadRunsTheExporterWithTheApplicationLoader() {
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(ApplicationLoaderExporters.spans(new RecordingSpanExporter(), application)).build())
        .build();
    try {
      tracerProvider.get("test").spanBuilder("span").startSpan().end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    } finally {
      tracerProvider.shutdown().join(10, TimeUnit.SECONDS);
    }

    assertThat(threads).first().asString().startsWith("BatchSpanProcessor");
    assertThat(seen).isNotEmpty().containsOnly(application);
  }

  @Test
  void theCallingThreadGetsItsOwnLoaderBack() {
    ClassLoader own = Thread.currentThread().getContextClassLoader();

    ApplicationLoaderExporters.spans(new RecordingSpanExporter(), application).export(List.of());
    ApplicationLoaderExporters.metrics(new RecordingMetricExporter(), application).export(List.of());
    ApplicationLoaderExporters.logs(new RecordingLogExporter(), application).flush();

    assertThat(seen).containsExactly(application, application, application);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
  }

  @Test
  void aThreadWithoutLoaderIsLeftWithoutLoader() throws InterruptedException {
    List<Boolean> withoutLoaderAfterwards = new CopyOnWriteArrayList<>();
    Thread thread = new Thread(() -> {
      ApplicationLoaderExporters.spans(new RecordingSpanExporter(), application).shutdown();
      withoutLoaderAfterwards.add(Thread.currentThread().getContextClassLoader() == null);
    });
    thread.setContextClassLoader(null);
    thread.start();
    thread.join(10_000);

    assertThat(seen).containsExactly(application);
    assertThat(withoutLoaderAfterwards).containsExactly(true);
  }

  @Test
  void theMetricExporterKeepsItsTemporalityAggregationAndMemoryMode() {
    MetricExporter exporter = ApplicationLoaderExporters.metrics(new RecordingMetricExporter(), application);

    assertThat(exporter.getAggregationTemporality(InstrumentType.COUNTER)).isEqualTo(AggregationTemporality.DELTA);
    assertThat(exporter.getDefaultAggregation(InstrumentType.HISTOGRAM)).isEqualTo(Aggregation.base2ExponentialBucketHistogram());
    assertThat(exporter.getMemoryMode()).isEqualTo(MemoryMode.REUSABLE_DATA);
  }

  private final class RecordingSpanExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return record();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return record();
    }
  }

  private final class RecordingMetricExporter implements MetricExporter {
    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.DELTA;
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
      return Aggregation.base2ExponentialBucketHistogram();
    }

    @Override
    public MemoryMode getMemoryMode() {
      return MemoryMode.REUSABLE_DATA;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return record();
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

  private final class RecordingLogExporter implements LogRecordExporter {
    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      return record();
    }

    @Override
    public CompletableResultCode flush() {
      return record();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private CompletableResultCode record() {
    seen.add(Thread.currentThread().getContextClassLoader());
    threads.add(Thread.currentThread().getName());
    return CompletableResultCode.ofSuccess();
  }
}
