package dev.mpotel.it.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An in-JVM OTLP/HTTP receiver on 127.0.0.1 that records what it is sent, for tests to assert on. It accepts
 * {@code POST /v1/traces}, {@code /v1/metrics} and {@code /v1/logs} with {@code application/x-protobuf} bodies, plain
 * or {@code Content-Encoding: gzip}, and answers each with an empty export response. It is thread-safe: requests
 * arrive on server threads while a test reads or waits.
 */
public final class OtlpSink implements AutoCloseable {

    private static final String PROTOBUF = "application/x-protobuf";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private final List<ReceivedMetric> metrics = new ArrayList<>();
    private final List<ReceivedLog> logs = new ArrayList<>();
    private final List<Map<String, List<String>>> requestHeaders = new ArrayList<>();

    private OtlpSink(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a sink on a free port of 127.0.0.1. */
    public static OtlpSink start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(FreePorts.loopback(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OTLP sink on 127.0.0.1", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "otlp-sink-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        OtlpSink sink = new OtlpSink(server, executor);
        server.createContext("/", sink::handle);
        server.setExecutor(executor);
        server.start();
        return sink;
    }

    /** The base URL, {@code http://127.0.0.1:PORT}, without a path; exporters append {@code /v1/traces} etc. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** All spans received so far, in arrival order. */
    public List<ReceivedSpan> spans() {
        synchronized (lock) {
            return List.copyOf(spans);
        }
    }

    /** All metrics received so far, one element per metric per export, in arrival order. */
    public List<ReceivedMetric> metrics() {
        synchronized (lock) {
            return List.copyOf(metrics);
        }
    }

    /** All log records received so far, in arrival order. */
    public List<ReceivedLog> logs() {
        synchronized (lock) {
            return List.copyOf(logs);
        }
    }

    /**
     * The headers of every HTTP request the sink received (including rejected ones), in arrival order, with
     * lower-cased names, for example {@code authorization}.
     */
    public List<Map<String, List<String>>> requestHeaders() {
        synchronized (lock) {
            return List.copyOf(requestHeaders);
        }
    }

    /**
     * Waits until the spans received so far satisfy {@code condition} and returns them.
     *
     * @throws AssertionError after {@code timeout}, naming the spans that did arrive
     */
    public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition, Duration timeout) {
        return await("spans", this::spans, condition, timeout,
                received -> received.stream().map(ReceivedSpan::name).collect(Collectors.toList()).toString());
    }

    /**
     * Waits until the metrics received so far satisfy {@code condition} and returns them.
     *
     * @throws AssertionError after {@code timeout}, naming the metrics that did arrive
     */
    public List<ReceivedMetric> awaitMetrics(Predicate<List<ReceivedMetric>> condition, Duration timeout) {
        return await("metrics", this::metrics, condition, timeout, OtlpSink::metricNames);
    }

    /**
     * Waits until a metric called {@code name} has arrived and returns the newest one, which for cumulative
     * temporality holds the latest totals.
     *
     * @throws AssertionError after {@code timeout}, naming the metrics that did arrive
     */
    public ReceivedMetric awaitMetric(String name, Duration timeout) {
        List<ReceivedMetric> received = await("metric " + name, this::metrics,
                list -> list.stream().anyMatch(m -> m.name().equals(name)), timeout, OtlpSink::metricNames);
        ReceivedMetric newest = null;
        for (ReceivedMetric metric : received) {
            if (metric.name().equals(name)) {
                newest = metric;
            }
        }
        return newest;
    }

    /**
     * Waits until the log records received so far satisfy {@code condition} and returns them.
     *
     * @throws AssertionError after {@code timeout}, quoting the bodies that did arrive
     */
    public List<ReceivedLog> awaitLogs(Predicate<List<ReceivedLog>> condition, Duration timeout) {
        return await("logs", this::logs, condition, timeout,
                received -> received.stream().map(ReceivedLog::body).collect(Collectors.toList()).toString());
    }

    /** Forgets everything received so far: spans, metrics, logs and request headers. */
    public void reset() {
        synchronized (lock) {
            spans.clear();
            metrics.clear();
            logs.clear();
            requestHeaders.clear();
        }
    }

    /** Stops the server at once; what was received stays readable. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "OtlpSink{" + endpoint() + "}";
    }

    private static String metricNames(List<ReceivedMetric> received) {
        return received.stream().map(ReceivedMetric::name).distinct().collect(Collectors.toList()).toString();
    }

    private static <T> List<T> await(String what, Supplier<List<T>> snapshot, Predicate<List<T>> condition,
            Duration timeout, Function<List<T>, String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> received = snapshot.get();
            if (condition.test(received)) {
                return received;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + " to match the condition; received " + received.size() + ": " + describe.apply(received));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            recordHeaders(exchange);
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/v1/traces") && !path.equals("/v1/metrics") && !path.equals("/v1/logs")) {
                reply(exchange, 404, "OtlpSink: unknown path " + path
                        + "; OTLP/HTTP paths are /v1/traces, /v1/metrics and /v1/logs");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, "OtlpSink: " + path + " accepts POST only, not " + exchange.getRequestMethod());
                return;
            }
            String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!contentType.equals(PROTOBUF)) {
                reply(exchange, 415, "OtlpSink: unsupported Content-Type '" + contentType + "'; only "
                        + PROTOBUF + " is supported (OTLP/JSON is not)");
                return;
            }
            String encoding = mediaType(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            if (!encoding.isEmpty() && !encoding.equals("gzip") && !encoding.equals("identity")) {
                reply(exchange, 415, "OtlpSink: unsupported Content-Encoding '" + encoding
                        + "'; only gzip or none is supported");
                return;
            }
            byte[] body;
            try (InputStream in = encoding.equals("gzip")
                    ? new GZIPInputStream(exchange.getRequestBody())
                    : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] response;
            try {
                response = accept(path, body);
            } catch (InvalidProtocolBufferException e) {
                reply(exchange, 400, "OtlpSink: body of " + path + " is not a valid OTLP protobuf message: "
                        + e.getMessage());
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken gzip stream or a client that went away; answer if still possible, never kill the server.
            try {
                reply(exchange, 400, "OtlpSink: could not read the request: " + e);
            } catch (IOException | RuntimeException ignored) {
                // The response was already started or the connection is gone.
            }
        } finally {
            exchange.close();
        }
    }

    private byte[] accept(String path, byte[] body) throws InvalidProtocolBufferException {
        switch (path) {
            case "/v1/traces": {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                List<ReceivedSpan> received = new ArrayList<>();
                for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                    for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                        for (Span span : scopeSpans.getSpansList()) {
                            received.add(ReceivedSpan.of(span, resourceSpans.getResource(),
                                    scopeSpans.getScope().getName()));
                        }
                    }
                }
                synchronized (lock) {
                    spans.addAll(received);
                }
                return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            }
            case "/v1/metrics": {
                ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
                List<ReceivedMetric> received = new ArrayList<>();
                for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
                    for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                        for (Metric metric : scopeMetrics.getMetricsList()) {
                            received.add(ReceivedMetric.of(metric, resourceMetrics.getResource(),
                                    scopeMetrics.getScope().getName()));
                        }
                    }
                }
                synchronized (lock) {
                    metrics.addAll(received);
                }
                return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            }
            default: {
                ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
                List<ReceivedLog> received = new ArrayList<>();
                for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
                    for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                        for (LogRecord record : scopeLogs.getLogRecordsList()) {
                            received.add(ReceivedLog.of(record, resourceLogs.getResource(),
                                    scopeLogs.getScope().getName()));
                        }
                    }
                }
                synchronized (lock) {
                    logs.addAll(received);
                }
                return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
            }
        }
    }

    private void recordHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        synchronized (lock) {
            requestHeaders.add(Collections.unmodifiableMap(headers));
        }
    }

    /** The media type or coding without parameters, lower-cased; empty when the header is absent. */
    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
