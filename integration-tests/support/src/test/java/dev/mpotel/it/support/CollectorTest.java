package dev.mpotel.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CollectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void spanSentOverHttpToTheCollectorArrivesInTheSinkWithItsTraceId() {
        try (OtlpSink sink = OtlpSink.start(); Collector collector = Collector.start(sink)) {
            String traceId;
            try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                    .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "it-support")))
                    .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                            .setEndpoint(collector.httpEndpoint() + "/v1/traces")
                            .build()))
                    .build()) {
                Span span = tracerProvider.get("collector-test").spanBuilder("through-the-collector").startSpan();
                traceId = span.getSpanContext().getTraceId();
                span.end();
                tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            }

            List<ReceivedSpan> spans = sink.awaitSpans(
                    s -> s.stream().anyMatch(span -> span.name().equals("through-the-collector")), TIMEOUT);

            assertThat(spans).singleElement().satisfies(span -> {
                assertThat(span.traceId()).isEqualTo(traceId);
                assertThat(span.resourceAttributes()).containsEntry("service.name", "it-support");
                assertThat(span.scopeName()).isEqualTo("collector-test");
            });
        }
    }

    @Test
    void collectorListensOnDistinctLoopbackEndpoints() {
        try (OtlpSink sink = OtlpSink.start(); Collector collector = Collector.start(sink)) {
            assertThat(collector.grpcEndpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(collector.httpEndpoint()).matches("http://127\\.0\\.0\\.1:\\d+")
                    .isNotEqualTo(collector.grpcEndpoint());
            assertThat(collector.logFile()).exists().hasFileName("collector.log");
        }
    }

    @Test
    void closeStopsTheCollectorProcess() {
        long pid;
        try (OtlpSink sink = OtlpSink.start()) {
            Collector collector = Collector.start(sink);
            pid = collector.pid();
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            collector.close();
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
