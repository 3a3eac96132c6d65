package dev.mpotel.it.weldse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** gRPC, with {@code opentelemetry-exporter-sender-okhttp} added as docs/configuration.md says, through a real Collector. */
class GrpcThroughCollectorTest extends CollectorRoundTrip {

  @Override
  String protocol() {
    return "grpc";
  }

  @Override
  String collectorEndpoint() {
    return collector.grpcEndpoint();
  }

  @Test
  void theGrpcSenderIsOnTheClassPath() {
    assertThat(getClass().getClassLoader().getResource("io/opentelemetry/exporter/sender/okhttp/internal/OkHttpGrpcSender.class")).isNotNull();
  }
}
