package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.it.support.OtlpSink;
import dev.mpotel.it.support.ReceivedLog;
import dev.mpotel.it.support.ReceivedMetric;
import dev.mpotel.it.support.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

/**
 * What the sample shop must deliver through a real Collector on every server. Each server's test class deploys
 * the war (with the descriptors that server needs) and inherits these tests. Every test makes its own requests
 * with fresh ids and waits until their telemetry arrives; nothing depends on wall-clock timing.
 */
abstract class ShopTelemetryContract {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** The context root plus the {@code @ApplicationPath}: the start of every {@code http.route}. */
  static final String API = "/" + SampleApp.NAME + "/api";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ArquillianResource URL base;

  final OtlpSink sink = TelemetryBackend.sink();

  @Test
  void oneTraceCrossesBothClientHopsWithParentChildLinks() {
    Order order = placeOrder();

    ReceivedSpan front = order.front();
    assertThat(front.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
    assertThat(front.parentSpanId()).as("the test's own request carries no traceparent").isEmpty();
    for (String via : List.of("rest-client-", "jakarta-client-")) {
      String item = via + order.id();
      ReceivedSpan client = order.only(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT
          && String.valueOf(s.attributes().get("url.full")).endsWith(API + "/stock/" + item));
      ReceivedSpan stock = order.only(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
          && (API + "/stock/" + item).equals(s.attributes().get("url.path")));
      assertThat(client.parentSpanId()).as("client span of %s is a child of the front server span", via)
          .isEqualTo(front.spanId());
      assertThat(stock.parentSpanId()).as("server span of the stock resource is a child of the %s span", via)
          .isEqualTo(client.spanId());
      assertThat(client.name()).isEqualTo("GET");
      assertThat(client.attributes()).containsEntry("http.response.status_code", 200L);
    }
  }

  @Test
  void asyncClientCallsAreChildrenOfTheServerSpanAndCarryItToTheCalledResource() {
    for (int round = 0; round < 5; round++) { // a few rounds: pooled threads must not carry a context over
      String id = newId();
      HttpResponse<String> response = get("api/orders/" + id + "/async-clients");
      assertThat(response.statusCode()).as("GET orders/%s/async-clients answered %s", id, response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("stock 7/7/7");

      ReceivedSpan front = awaitSpan(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
          && (API + "/orders/" + id + "/async-clients").equals(s.attributes().get("url.path")));
      for (String via : List.of("async-rest-client-", "async-jakarta-client-", "async-wrapping-client-")) {
        String item = via + id;
        ReceivedSpan client = awaitSpan(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT
            && String.valueOf(s.attributes().get("url.full")).endsWith(API + "/stock/" + item));
        ReceivedSpan stock = awaitSpan(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
            && (API + "/stock/" + item).equals(s.attributes().get("url.path")));
        if (via.equals("async-jakarta-client-") && !carriesTheContextToJakartaAsyncCalls()) {
          // Either a new trace, or (when the server happens to run the call where the context is current) the
          // right parent; never a span of another request.
          assertThat(client.parentSpanId()).as("on this server an async() call may start a new trace (docs/servers.md); "
              + "front %s, client's parent %s", front.spanId(), client.parentSpanId()).isIn("", front.spanId());
        } else {
          assertThat(client.parentSpanId()).as("client span of %s is a child of the front server span", via)
              .isEqualTo(front.spanId());
        }
        assertThat(stock.parentSpanId()).as("server span of the stock resource is a child of the %s span", via)
            .isEqualTo(client.spanId());
      }
    }
  }

  /**
   * Whether mp-otel can carry the caller's context to a Jakarta REST {@code async()} call's thread on this
   * server without help from the application (false where the runtime offers no hook to an application).
   */
  boolean carriesTheContextToJakartaAsyncCalls() {
    return true;
  }

  @Test
  void serverSpansAreNamedAfterMethodAndRouteIncludingTheContextRoot() {
    Order order = placeOrder();

    assertThat(order.front().name()).isEqualTo("GET " + API + "/orders/{id}");
    assertThat(order.front().attributes())
        .containsEntry("http.route", API + "/orders/{id}")
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.path", API + "/orders/" + order.id())
        .containsEntry("http.response.status_code", 200L);
    List<ReceivedSpan> stock = order.all(s -> s.kind() == SpanKind.SPAN_KIND_SERVER && s != order.front());
    assertThat(stock).hasSize(2).allSatisfy(s -> {
      assertThat(s.name()).isEqualTo("GET " + API + "/stock/{item}");
      assertThat(s.attributes()).containsEntry("http.route", API + "/stock/{item}");
    });
  }

  @Test
  void withSpanAndTracedMethodsAreChildrenOfTheServerSpan() {
    Order order = placeOrder();

    ReceivedSpan reserve = order.only(s -> s.name().equals("Inventory.reserve"));
    ReceivedSpan price = order.only(s -> s.name().equals("Pricing.price"));
    assertThat(reserve.parentSpanId()).isEqualTo(order.front().spanId());
    assertThat(reserve.attributes()).containsEntry("shop.order.id", order.id());
    assertThat(price.parentSpanId()).isEqualTo(order.front().spanId());
    assertThat(price.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
  }

  @Test
  void failingRequestHasAServerSpanWithStatusError() {
    assertThat(get("api/orders/fail").statusCode()).isEqualTo(500);

    ReceivedSpan failed = awaitSpan(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
        && (API + "/orders/fail").equals(s.attributes().get("url.path")));
    assertThat(failed.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
    assertThat(failed.name()).isEqualTo("GET " + API + "/orders/fail");
    assertThat(failed.attributes()).containsEntry("http.response.status_code", 500L);
  }

  @Test
  void serverSpanCarriesTheSchemeAndTheRawQueryAsSent() {
    String id = newId();
    assertThat(get("api/orders/" + id + "?gift=yes%20please&n=1").statusCode()).isEqualTo(200);

    ReceivedSpan server = awaitSpan(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
        && (API + "/orders/" + id).equals(s.attributes().get("url.path")));
    assertThat(server.attributes())
        .containsEntry("url.scheme", "http")
        .containsEntry("url.query", "gift=yes%20please&n=1")
        .containsEntry("http.route", API + "/orders/{id}");
  }

  @Test
  void asyncRequestIsTracedWithTheServerSpanCurrentInTheResourceMethod() {
    String id = newId();
    HttpResponse<String> response = get("api/orders/" + id + "/async");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("order " + id + " placed later");

    ReceivedSpan server = awaitSpan(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
        && (API + "/orders/" + id + "/async").equals(s.attributes().get("url.path")));
    assertThat(server.name()).isEqualTo("GET " + API + "/orders/{id}/async");
    assertThat(server.attributes()).containsEntry("http.response.status_code", 200L);
    assertThat(server.statusCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
    ReceivedSpan reserve = awaitSpan(s -> s.name().equals("Inventory.reserve")
        && id.equals(s.attributes().get("shop.order.id")));
    assertThat(reserve.parentSpanId()).isEqualTo(server.spanId());
    assertThat(reserve.traceId()).isEqualTo(server.traceId());
  }

  @Test
  void healthEndpointIsNeitherTracedNorMeasured() {
    HttpResponse<String> health = get("api/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("UP");

    // The spans of a later request come in the same or a later batch than a span of the health request would.
    // Of the metric exports that arrive after that request, the second was surely collected after it, so a
    // health point would be in it.
    placeOrder();
    long exportsSoFar = exportsOf(sink.metrics(), "http.server.request.duration");
    sink.awaitMetrics(all -> exportsOf(all, "http.server.request.duration") >= exportsSoFar + 2, TIMEOUT);
    assertThat(sink.spans()).noneMatch(s -> String.valueOf(s.attributes().get("url.path")).endsWith("/health"));
    assertThat(sink.metrics())
        .filteredOn(m -> m.name().equals("http.server.request.duration"))
        .allSatisfy(m -> assertThat(m.pointAttributes())
            .noneMatch(p -> String.valueOf(p.get("http.route")).contains("/health")));
  }

  @Test
  void serviceNameDefaultsToTheApplicationName() {
    Order order = placeOrder();

    assertThat(order.front().resourceAttributes()).containsEntry("service.name", SampleApp.NAME);
    ReceivedMetric metric = sink.awaitMetric("http.server.request.duration", TIMEOUT);
    assertThat(metric.resourceAttributes()).containsEntry("service.name", SampleApp.NAME);
  }

  @Test
  void httpServerRequestDurationIsRecordedPerRouteAndStatus() {
    placeOrder();
    assertThat(get("api/orders/fail").statusCode()).isEqualTo(500);

    List<ReceivedMetric> metrics = sink.awaitMetrics(all -> newest(all, "http.server.request.duration")
        .filter(m -> m.histogramCount(Map.of("http.route", API + "/orders/{id}", "http.response.status_code", 200)) >= 1
            && m.histogramCount(Map.of("http.route", API + "/orders/fail", "http.response.status_code", 500)) >= 1)
        .isPresent(), TIMEOUT);
    ReceivedMetric duration = newest(metrics, "http.server.request.duration").orElseThrow();
    assertThat(duration.unit()).isEqualTo("s");
    assertThat(duration.histogramCount(Map.of("http.route", API + "/stock/{item}", "http.request.method", "GET")))
        .isGreaterThanOrEqualTo(2);
    assertThat(duration.pointAttributes())
        .filteredOn(p -> (API + "/orders/fail").equals(p.get("http.route")))
        .allSatisfy(p -> assertThat(p).containsEntry("error.type", "500"));
  }

  @Test
  void countedAndTimedMethodsAreMeasured() {
    placeOrder();

    String function = "dev.mpotel.it.servers.app.Checkout.total";
    List<ReceivedMetric> metrics = sink.awaitMetrics(all ->
        newest(all, "Checkout.total.invocations").filter(m -> m.sumOfLongPoints(Map.of("code.function.name", function)) >= 1).isPresent()
            && newest(all, "Checkout.total.duration").filter(m -> m.histogramCount(Map.of("code.function.name", function)) >= 1).isPresent(),
        TIMEOUT);
    assertThat(newest(metrics, "Checkout.total.duration").orElseThrow().unit()).isEqualTo("s");
  }

  @Test
  void jvmMetricsAreExported() {
    List<ReceivedMetric> metrics = sink.awaitMetrics(all ->
        newest(all, "jvm.memory.used").isPresent() && newest(all, "jvm.thread.count").isPresent(), TIMEOUT);

    assertThat(newest(metrics, "jvm.memory.used").orElseThrow().sumOfLongPoints()).isPositive();
    assertThat(newest(metrics, "jvm.thread.count").orElseThrow().sumOfLongPoints()).isPositive();
    assertThat(newest(metrics, "jvm.memory.used").orElseThrow().resourceAttributes())
        .containsEntry("service.name", SampleApp.NAME);
  }

  @Test
  void julRecordLoggedInARequestCarriesItsTraceAndSpan() {
    Order order = placeOrder();

    String body = "placing order " + order.id();
    List<ReceivedLog> logs = sink.awaitLogs(all -> all.stream().anyMatch(l -> l.body().equals(body)), TIMEOUT);
    ReceivedLog log = logs.stream().filter(l -> l.body().equals(body)).findFirst().orElseThrow();
    assertThat(log.traceId()).isEqualTo(order.front().traceId());
    assertThat(log.spanId()).isEqualTo(order.front().spanId());
    assertThat(log.severityText()).isEqualTo("INFO");
    assertThat(log.resourceAttributes()).containsEntry("service.name", SampleApp.NAME);
  }

  /** One order placed: the front request, both client calls and their server spans, and the method spans. */
  Order placeOrder() {
    String id = newId();
    HttpResponse<String> response = get("api/orders/" + id);
    assertThat(response.statusCode()).as("GET orders/%s answered %s", id, response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("order " + id + " price " + (40 + id.length()) + " stock 7/7");
    String path = API + "/orders/" + id;
    Predicate<ReceivedSpan> isFront = s -> s.kind() == SpanKind.SPAN_KIND_SERVER && path.equals(s.attributes().get("url.path"));
    List<ReceivedSpan> spans = sink.awaitSpans(all -> {
      Optional<ReceivedSpan> front = all.stream().filter(isFront).findFirst();
      return front.isPresent() && all.stream().filter(s -> s.traceId().equals(front.get().traceId())).count() >= 7;
    }, TIMEOUT);
    ReceivedSpan front = spans.stream().filter(isFront).findFirst().orElseThrow();
    return new Order(id, front, spans.stream().filter(s -> s.traceId().equals(front.traceId())).toList());
  }

  ReceivedSpan awaitSpan(Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> spans = sink.awaitSpans(all -> all.stream().anyMatch(which), TIMEOUT);
    return spans.stream().filter(which).findFirst().orElseThrow();
  }

  HttpResponse<String> get(String relative) {
    URI uri = URI.create(base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/")
        .resolve(relative);
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted during GET " + uri, e);
    }
  }

  static Optional<ReceivedMetric> newest(List<ReceivedMetric> metrics, String name) {
    ReceivedMetric newest = null;
    for (ReceivedMetric metric : metrics) {
      if (metric.name().equals(name)) {
        newest = metric;
      }
    }
    return Optional.ofNullable(newest);
  }

  static long exportsOf(List<ReceivedMetric> metrics, String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).count();
  }

  static String newId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The spans of one placed order's trace. */
  record Order(String id, ReceivedSpan front, List<ReceivedSpan> trace) {

    List<ReceivedSpan> all(Predicate<ReceivedSpan> which) {
      return trace.stream().filter(which).toList();
    }

    ReceivedSpan only(Predicate<ReceivedSpan> which) {
      List<ReceivedSpan> found = all(which);
      assertThat(found).as("exactly one matching span in trace %s: %s", front.traceId(), trace).hasSize(1);
      return found.get(0);
    }
  }
}
