package dev.mpotel.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleasingExportersTest {

  private static final SpanData SPAN = TestSpanData.builder()
      .setName("s").setKind(SpanKind.INTERNAL).setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
      .setStatus(StatusData.create(StatusCode.UNSET, null)).build();

  @Test
  void forwardsUntilShutDownThenLetsGoAndFailsFurtherExports() {
    ReleasingExporters exporters = new ReleasingExporters();
    InMemorySpanExporter delegate = InMemorySpanExporter.create();
    SpanExporter span = exporters.span(delegate);

    assertThat(span.export(List.of(SPAN)).isSuccess()).isTrue();
    assertThat(delegate.getFinishedSpanItems()).hasSize(1);
    assertThat(exporters.allReleased()).isFalse();

    assertThat(span.shutdown().isSuccess()).isTrue();
    assertThat(exporters.allReleased()).isTrue();
    assertThat(span.export(List.of(SPAN)).isSuccess()).isFalse();
    assertThat(span.flush().isSuccess()).isTrue();
    assertThat(span.shutdown().isSuccess()).as("a second shutdown").isTrue();
  }

  @Test
  void releaseAllLetsGoOfExportersThatWereNotShutDown() {
    ReleasingExporters exporters = new ReleasingExporters();
    exporters.span(InMemorySpanExporter.create());
    exporters.metric(InMemoryMetricExporter.create());
    exporters.logRecord(InMemoryLogRecordExporter.create());
    assertThat(exporters.allReleased()).isFalse();

    exporters.releaseAll();

    assertThat(exporters.allReleased()).isTrue();
  }

  @Test
  void aMetricExporterKeepsItsDelegatesConfigurationAfterTheRelease() {
    ReleasingExporters exporters = new ReleasingExporters();
    InMemoryMetricExporter delegate = InMemoryMetricExporter.create(AggregationTemporality.DELTA);
    MetricExporter metric = exporters.metric(delegate);

    metric.shutdown();

    for (InstrumentType type : InstrumentType.values()) {
      assertThat(metric.getAggregationTemporality(type)).isEqualTo(AggregationTemporality.DELTA);
      assertThat(metric.getDefaultAggregation(type)).isEqualTo(Aggregation.defaultAggregation());
    }
    assertThat(metric.getMemoryMode()).isEqualTo(delegate.getMemoryMode());
  }
}
