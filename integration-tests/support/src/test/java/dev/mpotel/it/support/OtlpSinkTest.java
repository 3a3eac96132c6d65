package dev.mpotel.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpSinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Resource RESOURCE = Resource.getDefault()
            .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "sink-test")));

    private OtlpSink sink;

    @BeforeEach
    void startSink() {
        sink = OtlpSink.start();
    }

    @AfterEach
    void closeSink() {
        sink.close();
    }

    @Test
    void childSpanPointsAtItsParentInTheSameTrace() {
        exportParentAndChild("none");

        List<ReceivedSpan> spans = sink.awaitSpans(s -> s.size() >= 2, TIMEOUT);

        ReceivedSpan parent = named(spans, "parent");
        ReceivedSpan child = named(spans, "child");
        assertThat(parent.parentSpanId()).isEmpty();
        assertThat(child.parentSpanId()).isEqualTo(parent.spanId());
        assertThat(child.traceId()).isEqualTo(parent.traceId()).hasSize(32).matches("[0-9a-f]+");
        assertThat(child.spanId()).hasSize(16).isNotEqualTo(parent.spanId());
    }

    @Test
    void spanAttributesKindStatusAndEventsAreDecoded() {
        exportParentAndChild("none");

        ReceivedSpan child = named(sink.awaitSpans(s -> s.size() >= 2, TIMEOUT), "child");

        assertThat(child.attributes()).containsOnly(
                entry("text", "value"),
                entry("number", 42L),
                entry("ratio", 0.5),
                entry("flag", true),
                entry("items", List.of("a", "b")));
        assertThat(child.kind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(child.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(child.events()).containsExactly("retrying");
        assertThat(child.proto().getName()).isEqualTo("child");
    }

    @Test
    void spansKeepTheirResourceAttributesAndScopeName() {
        exportParentAndChild("none");

        ReceivedSpan parent = named(sink.awaitSpans(s -> s.size() >= 2, TIMEOUT), "parent");

        assertThat(parent.resourceAttributes()).containsEntry("service.name", "sink-test");
        assertThat(parent.scopeName()).isEqualTo("sink-test-tracer");
    }

    @Test
    void gzipCompressedExportIsDecoded() {
        exportParentAndChild("gzip");

        List<ReceivedSpan> spans = sink.awaitSpans(s -> s.size() >= 2, TIMEOUT);

        assertThat(spans).extracting(ReceivedSpan::name).containsExactlyInAnyOrder("parent", "child");
        assertThat(sink.requestHeaders()).anySatisfy(h -> assertThat(h).containsEntry("content-encoding",
                List.of("gzip")));
    }

    @Test
    void authorizationHeaderReachesTheSinkWithLowerCasedName() {
        exportParentAndChild("none");

        sink.awaitSpans(s -> s.size() >= 2, TIMEOUT);

        assertThat(sink.requestHeaders())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h).containsEntry("authorization", List.of("Bearer test-token")));
    }

    @Test
    void counterValueIsSummedForTheGivenAttributes() {
        try (SdkMeterProvider meterProvider = meterProvider()) {
            Meter meter = meterProvider.get("sink-test-meter");
            var counter = meter.counterBuilder("test.requests").setUnit("{request}").build();
            counter.add(1, Attributes.of(AttributeKey.stringKey("a"), "b"));
            counter.add(2, Attributes.of(AttributeKey.stringKey("a"), "b"));
            counter.add(5, Attributes.of(AttributeKey.stringKey("a"), "other"));
            meterProvider.forceFlush().join(10, TimeUnit.SECONDS);
        }

        ReceivedMetric metric = sink.awaitMetric("test.requests", TIMEOUT);

        assertThat(metric.sumOfLongPoints(Map.of("a", "b"))).isEqualTo(3);
        assertThat(metric.sumOfLongPoints()).isEqualTo(8);
        assertThat(metric.pointAttributes()).containsExactlyInAnyOrder(Map.of("a", "b"), Map.of("a", "other"));
        assertThat(metric.unit()).isEqualTo("{request}");
        assertThat(metric.scopeName()).isEqualTo("sink-test-meter");
        assertThat(metric.resourceAttributes()).containsEntry("service.name", "sink-test");
    }

    @Test
    void histogramCountAddsUpRecordedValues() {
        try (SdkMeterProvider meterProvider = meterProvider()) {
            var histogram = meterProvider.get("sink-test-meter").histogramBuilder("test.duration").build();
            histogram.record(0.1, Attributes.of(AttributeKey.longKey("code"), 200L));
            histogram.record(0.3, Attributes.of(AttributeKey.longKey("code"), 200L));
            histogram.record(0.7, Attributes.of(AttributeKey.longKey("code"), 500L));
            meterProvider.forceFlush().join(10, TimeUnit.SECONDS);
        }

        ReceivedMetric metric = sink.awaitMetric("test.duration", TIMEOUT);

        assertThat(metric.histogramCount()).isEqualTo(3);
        assertThat(metric.histogramCount(Map.of("code", 200))).isEqualTo(2);
    }

    @Test
    void logRecordBodySeverityAttributesAndSpanContextAreDecoded() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String spanId = "b7ad6b7169203331";
        Span span = Span.wrap(SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()));
        try (SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
                .setResource(RESOURCE)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(OtlpHttpLogRecordExporter.builder()
                        .setEndpoint(sink.endpoint() + "/v1/logs")
                        .build()))
                .build()) {
            Logger logger = loggerProvider.get("sink-test-logger");
            logger.logRecordBuilder()
                    .setContext(Context.root().with(span))
                    .setBody("hello sink")
                    .setSeverity(Severity.WARN)
                    .setSeverityText("WARN")
                    .setAttribute(AttributeKey.stringKey("user"), "alice")
                    .emit();
            loggerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        }

        ReceivedLog log = sink.awaitLogs(l -> !l.isEmpty(), TIMEOUT).get(0);

        assertThat(log.body()).isEqualTo("hello sink");
        assertThat(log.severityText()).isEqualTo("WARN");
        assertThat(log.severityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
        assertThat(log.attributes()).containsExactly(entry("user", "alice"));
        assertThat(log.traceId()).isEqualTo(traceId);
        assertThat(log.spanId()).isEqualTo(spanId);
        assertThat(log.scopeName()).isEqualTo("sink-test-logger");
        assertThat(log.resourceAttributes()).containsEntry("service.name", "sink-test");
    }

    @Test
    void validExportIsAnsweredWith200AndAnEmptyResponseOfItsType() throws Exception {
        HttpResponse<byte[]> response = post("/v1/traces", "application/x-protobuf", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/x-protobuf");
        assertThat(ExportTraceServiceResponse.parseFrom(response.body()))
                .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    }

    @Test
    void unknownPathIsAnsweredWith404() throws Exception {
        HttpResponse<byte[]> response = post("/v1/profiles", "application/x-protobuf", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).contains("unknown path /v1/profiles");
    }

    @Test
    void jsonBodyIsAnsweredWith415() throws Exception {
        HttpResponse<byte[]> response = post("/v1/traces", "application/json", "{}".getBytes());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(new String(response.body())).contains("application/x-protobuf");
    }

    @Test
    void malformedProtobufIsAnsweredWith400() throws Exception {
        HttpResponse<byte[]> response = post("/v1/metrics", "application/x-protobuf", new byte[] {(byte) 0xff, 1});

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sink.metrics()).isEmpty();
    }

    @Test
    void awaitSpansTimesOutNamingTheSpansThatArrived() {
        exportParentAndChild("none");
        sink.awaitSpans(s -> s.size() >= 2, TIMEOUT);

        assertThatThrownBy(() -> sink.awaitSpans(s -> s.size() >= 3, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("received 2")
                .hasMessageContaining("parent")
                .hasMessageContaining("child");
    }

    @Test
    void awaitMetricTimesOutNamingTheMetricsThatArrived() {
        assertThatThrownBy(() -> sink.awaitMetric("missing.metric", Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing.metric")
                .hasMessageContaining("received 0");
    }

    @Test
    void resetForgetsEverythingReceived() {
        exportParentAndChild("none");
        sink.awaitSpans(s -> s.size() >= 2, TIMEOUT);

        sink.reset();

        assertThat(sink.spans()).isEmpty();
        assertThat(sink.requestHeaders()).isEmpty();
    }

    private void exportParentAndChild(String compression) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(sink.endpoint() + "/v1/traces")
                .addHeader("Authorization", "Bearer test-token")
                .setCompression(compression)
                .build();
        try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(RESOURCE)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            Tracer tracer = tracerProvider.get("sink-test-tracer");
            Span parent = tracer.spanBuilder("parent").setSpanKind(SpanKind.SERVER).startSpan();
            Scope scope = parent.makeCurrent();
            try {
                Span child = tracer.spanBuilder("child")
                        .setSpanKind(SpanKind.CLIENT)
                        .setAttribute("text", "value")
                        .setAttribute("number", 42L)
                        .setAttribute("ratio", 0.5)
                        .setAttribute("flag", true)
                        .setAttribute(AttributeKey.stringArrayKey("items"), List.of("a", "b"))
                        .startSpan();
                child.addEvent("retrying");
                child.setStatus(StatusCode.ERROR, "boom");
                child.end();
            } finally {
                scope.close();
                parent.end();
            }
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        }
    }

    private SdkMeterProvider meterProvider() {
        return SdkMeterProvider.builder()
                .setResource(RESOURCE)
                .registerMetricReader(PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                                .setEndpoint(sink.endpoint() + "/v1/metrics")
                                .build())
                        .setInterval(Duration.ofHours(1))
                        .build())
                .build();
    }

    private HttpResponse<byte[]> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sink.endpoint() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static ReceivedSpan named(List<ReceivedSpan> spans, String name) {
        return spans.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No span named " + name + " in " + spans));
    }
}
