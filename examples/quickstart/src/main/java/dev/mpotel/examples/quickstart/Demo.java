package dev.mpotel.examples.quickstart;

import dev.mpotel.it.support.Collector;
import dev.mpotel.it.support.OtlpSink;
import dev.mpotel.it.support.ReceivedMetric;
import dev.mpotel.it.support.ReceivedSpan;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@link QuickstartApp} against a real OpenTelemetry Collector (which forwards to an in-process
 * sink), then prints the spans and metrics that arrived.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) {
    try (OtlpSink sink = OtlpSink.start(); Collector collector = Collector.start(sink)) {
      System.out.println("Collector " + collector.pid() + " listening on " + collector.httpEndpoint() + " (http/protobuf) and "
          + collector.grpcEndpoint() + " (gRPC)");
      System.setProperty("otel.exporter.otlp.endpoint", collector.httpEndpoint());

      QuickstartApp.main(args);

      List<ReceivedSpan> spans = sink.awaitSpans(all -> all.size() >= 7, Duration.ofSeconds(30));
      sink.awaitMetric("Orders.place.duration", Duration.ofSeconds(30));
      printSpans(spans);
      printMetrics(sink.metrics());
    }
  }

  private static void printSpans(List<ReceivedSpan> spans) {
    ReceivedSpan first = spans.get(0);
    System.out.println();
    System.out.println("Spans received by the Collector, service.name=" + first.resourceAttributes().get("service.name")
        + ", deployment.environment.name=" + first.resourceAttributes().get("deployment.environment.name") + ":");
    Map<String, List<ReceivedSpan>> byParent = spans.stream().collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));
    byParent.getOrDefault("", List.of()).stream()
        .sorted(Comparator.comparing(s -> s.proto().getStartTimeUnixNano()))
        .forEach(root -> print(root, byParent, "  "));
  }

  private static void print(ReceivedSpan span, Map<String, List<ReceivedSpan>> byParent, String indent) {
    System.out.println(indent + span.name() + "  trace=" + span.traceId() + " status=" + span.statusCode() + " " + span.attributes());
    byParent.getOrDefault(span.spanId(), List.of()).forEach(child -> print(child, byParent, indent + "  "));
  }

  private static void printMetrics(List<ReceivedMetric> metrics) {
    System.out.println();
    System.out.println("Metrics received by the Collector:");
    metrics.stream()
        .filter(m -> !m.name().startsWith("otel.sdk."))  // the SDK's metrics about itself
        .collect(Collectors.toMap(ReceivedMetric::name, m -> m, (a, b) -> b, java.util.TreeMap::new))
        .values()
        .forEach(m -> System.out.println("  " + m.name() + " [" + m.unit() + "] " + describe(m)));
  }

  private static String describe(ReceivedMetric metric) {
    switch (metric.type()) {
      case HISTOGRAM:
        return "count=" + metric.histogramCount() + " by " + metric.pointAttributes();
      case SUM:
        boolean doubles = metric.proto().getSum().getDataPointsList().stream()
            .anyMatch(p -> p.getValueCase() == NumberDataPoint.ValueCase.AS_DOUBLE);
        String sum = doubles ? String.valueOf(metric.sumOfDoublePoints()) : String.valueOf(metric.sumOfLongPoints());
        return "sum=" + sum + " by " + metric.pointAttributes();
      default:
        return metric.type().toString();
    }
  }
}
