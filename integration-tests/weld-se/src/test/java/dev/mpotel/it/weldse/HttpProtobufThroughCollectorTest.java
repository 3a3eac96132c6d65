package dev.mpotel.it.weldse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default set: http/protobuf over the JDK HttpClient (no OkHttp on this class path), through a real Collector. */
class HttpProtobufThroughCollectorTest extends CollectorRoundTrip {

  @Override
  String protocol() {
    return "http/protobuf";
  }

  @Override
  String collectorEndpoint() {
    return collector.httpEndpoint();
  }

  @Test
  void theJdkHttpClientSenderIsTheOnlyOneOnTheClassPath() {
    assertThat(getClass().getClassLoader().getResource("io/opentelemetry/exporter/sender/okhttp/internal/OkHttpHttpSender.class")).isNull();
  }

  @Test
  void configuredHeadersReachTheReceiver() {
    Map<String, String> settings = ThroughCollector.settings("http/protobuf", sink.endpoint());
    settings.put("otel.exporter.otlp.headers", "Authorization=Bearer e2e-token,x-tenant=acme");

    ThroughCollector.placeOrderAndStop(settings);

    sink.awaitSpans(spans -> !spans.isEmpty(), ThroughCollector.TIMEOUT);
    List<Map<String, List<String>>> headers = sink.requestHeaders();
    assertThat(headers).isNotEmpty().allSatisfy(h -> {
      assertThat(h.get("authorization")).containsExactly("Bearer e2e-token");
      assertThat(h.get("x-tenant")).containsExactly("acme");
    });
  }
}
