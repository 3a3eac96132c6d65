package dev.mpotel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void headerValuesAreMaskedAndNamesKept() {
    assertThat(Redaction.redact("otel.exporter.otlp.traces.headers", "Authorization=Basic dXNlcjpwYXNz,x-tenant=acme"))
        .isEqualTo("Authorization=***,x-tenant=***");
  }

  @Test
  void otherValuesAreKeptButUserInfoIsStripped() {
    assertThat(Redaction.redact("otel.service.name", "orders")).isEqualTo("orders");
    assertThat(Redaction.redact("otel.exporter.otlp.endpoint", "https://bob:pw@c:4318/v1")).isEqualTo("https://***@c:4318/v1");
  }

  @Test
  void scrubRemovesEverySecretTheSettingsHoldFromFreeText() {
    Settings settings = Settings.of(Map.of("otel.exporter.otlp.headers", "Authorization=Bearer t0k3n", "otel.exporter.otlp.logs.headers", "k=v2s3cret"));

    String scrubbed = Redaction.scrub("Invalid map property: otel.exporter.otlp.headers=Authorization=Bearer t0k3n, and v2s3cret", settings);

    assertThat(scrubbed).doesNotContain("t0k3n").doesNotContain("v2s3cret").contains("otel.exporter.otlp.headers");
  }
}
