package dev.mpotel.it.weldse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.it.support.OtlpSink;
import dev.mpotel.it.support.ReceivedMetric;
import dev.mpotel.it.support.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What both transports must deliver through the Collector; each test class supplies the transport. */
final class ThroughCollector {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ThroughCollector() {}

  /** Settings of an application that sets no service name and names its environment. */
  static Map<String, String> settings(String protocol, String endpoint) {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.exporter.otlp.protocol", protocol);
    settings.put("otel.exporter.otlp.endpoint", endpoint);
    settings.put("otel.metric.export.interval", "60s");
    settings.put("mpotel.environment", "e2e");
    return settings;
  }

  /** Runs one order and shuts the application down, which must flush spans and metrics. */
  static String placeOrderAndStop(Map<String, String> settings) {
    try (WeldApp app = WeldApp.start(settings)) {
      return app.bean(ShopApplication.OrderService.class).place("order-42");
    }
  }

  static void assertSpans(OtlpSink sink) {
    List<ReceivedSpan> spans = sink.awaitSpans(all -> all.stream().anyMatch(s -> s.name().equals("PaymentService.charge")), TIMEOUT);
    ReceivedSpan place = find(spans, "OrderService.place");
    ReceivedSpan charge = find(spans, "PaymentService.charge");

    assertThat(place.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
    assertThat(place.parentSpanId()).isEmpty();
    assertThat(place.attributes()).containsEntry("shop.order.id", "order-42");
    assertThat(charge.parentSpanId()).isEqualTo(place.spanId());
    assertThat(charge.traceId()).isEqualTo(place.traceId());
    assertThat(place.scopeName()).isEqualTo("dev.mpotel");
    assertThat(place.resourceAttributes())
        .containsEntry("service.name", expectedDefaultServiceName())
        .containsEntry("deployment.environment.name", "e2e");
  }

  static void assertMetrics(OtlpSink sink) {
    ReceivedMetric counted = sink.awaitMetric("OrderService.place.invocations", TIMEOUT);
    ReceivedMetric timed = sink.awaitMetric("OrderService.place.duration", TIMEOUT);
    ReceivedMetric business = sink.awaitMetric("shop.orders.placed", TIMEOUT);

    String function = ShopApplication.OrderService.class.getName() + ".place";
    assertThat(counted.sumOfLongPoints(Map.of("code.function.name", function))).isEqualTo(1);
    assertThat(timed.unit()).isEqualTo("s");
    assertThat(timed.histogramCount(Map.of("code.function.name", function))).isEqualTo(1);
    assertThat(business.sumOfLongPoints()).isEqualTo(1);
    assertThat(business.resourceAttributes()).containsEntry("deployment.environment.name", "e2e");
  }

  private static ReceivedSpan find(List<ReceivedSpan> spans, String name) {
    Optional<ReceivedSpan> found = spans.stream().filter(s -> s.name().equals(name)).findFirst();
    return found.orElseThrow(() -> new AssertionError("no span " + name + " among " + spans.stream().map(ReceivedSpan::name).toList()));
  }

  /**
   * Weld SE has no application name, so the documented fallback applies: the base name of the jar run
   * with {@code java -jar} (under Maven, Surefire's booter jar), else the simple name of the main class.
   */
  static String expectedDefaultServiceName() {
    String command = System.getProperty("sun.java.command").trim().split("\\s+")[0];
    if (command.endsWith(".jar")) {
      String file = java.nio.file.Path.of(command).getFileName().toString();
      return file.substring(0, file.length() - ".jar".length());
    }
    return command.substring(command.lastIndexOf('.') + 1);
  }
}
