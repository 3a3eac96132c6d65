package dev.mpotel.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.config.Settings;
import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.LogCapture;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class TelemetrySdkTest {

  private static final ClassLoader LOADER = TelemetrySdkTest.class.getClassLoader();

  private static Map<String, String> enabled(String... keyValues) {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.traces.exporter", "none");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    settings.put("otel.test.memory", "true");
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return settings;
  }

  /** The resource of the SDK, read from a span it exported. */
  private static Resource resourceOf(TelemetrySdk sdk) {
    sdk.openTelemetry().getTracer("t").spanBuilder("probe").startSpan().end();
    return InMemoryTelemetry.current().spans.getFinishedSpanItems().get(0).getResource();
  }

  @Test
  void disabledByDefaultGivesTheNoOpOpenTelemetry() {
    try (TelemetrySdk sdk = TelemetrySdk.start(Settings.of(Map.of()), LOADER, () -> "app")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(sdk.openTelemetry()).isSameAs(OpenTelemetry.noop());
    }
  }

  @Test
  void withoutAServiceNameOneWarningNamesTheSettingAndTheApplicationNameIsUsed() {
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(Settings.of(enabled()), LOADER, () -> "orders-app")) {
      assertThat(resourceOf(sdk).getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("orders-app");
      List<String> warnings = log.messages(Level.WARNING);
      assertThat(warnings).singleElement().satisfies(w ->
          assertThat(w).contains("otel.service.name").contains("orders-app").contains("each deployment and each worker"));
    }
  }

  @Test
  void aServiceNameSetByTheUserIsKeptWithoutWarning() {
    try (LogCapture log = new LogCapture();
        TelemetrySdk sdk = TelemetrySdk.start(Settings.of(enabled("otel.resource.attributes", "service.name=billing")), LOADER, () -> "x")) {
      assertThat(resourceOf(sdk).getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("billing");
      assertThat(log.messages(Level.WARNING)).isEmpty();
    }
  }

  @Test
  void environmentIsAResourceAttributeAndNeverPartOfTheServiceName() {
    Settings settings = Settings.of(enabled("otel.service.name", "orders", "mpotel.environment", "staging"));
    try (TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      Resource resource = resourceOf(sdk);
      assertThat(resource.getAttribute(AttributeKey.stringKey("deployment.environment.name"))).isEqualTo("staging");
      assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("orders");
    }
  }

  @Test
  void theWorkerProcessIsIdentifiedByServiceInstanceId() {
    try (TelemetrySdk sdk = TelemetrySdk.start(Settings.of(enabled("otel.service.name", "w")), LOADER, () -> "x")) {
      assertThat(resourceOf(sdk).getAttribute(AttributeKey.stringKey("service.instance.id"))).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void wrongSettingsTurnTelemetryOffWithOneMessageAndNoSecret() {
    Settings settings = Settings.of(enabled(
        "otel.exporter.otlp.protocol", "carrier-pigeon",
        "otel.exporter.otlp.headers", "Authorization=Bearer s3cr3t;oops",
        "otel.traces.sampler", "traceidratio",
        "otel.traces.sampler.arg", "2"));
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(sdk.openTelemetry()).isSameAs(OpenTelemetry.noop());
      assertThat(log.messages(Level.SEVERE)).singleElement().satisfies(message -> assertThat(message)
          .contains("otel.exporter.otlp.protocol='carrier-pigeon'")
          .contains("one of grpc, http/protobuf")
          .contains("otel.traces.sampler.arg='2'")
          .contains("mpotel.config.strict")
          .doesNotContain("s3cr3t"));
    }
  }

  @Test
  void strictModeFailsInsteadNamingTheKey() {
    Settings settings = Settings.of(enabled("mpotel.config.strict", "true", "otel.exporter.otlp.timeout", "-5"));

    assertThatThrownBy(() -> TelemetrySdk.start(settings, LOADER, () -> "x"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("otel.exporter.otlp.timeout='-5'");
  }

  @Test
  void grpcWithoutASenderNamesTheArtifactToAdd() {
    Settings settings = Settings.of(enabled("otel.traces.exporter", "otlp", "otel.exporter.otlp.protocol", "grpc"));
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(log.messages(Level.SEVERE)).singleElement().satisfies(m ->
          assertThat(m).contains("otel.exporter.otlp.protocol='grpc'").contains("io.opentelemetry:opentelemetry-exporter-sender-okhttp"));
    }
  }

  @Test
  void anErrorFromAutoconfigureIsReportedAndTheApplicationRunsOn() {
    Settings settings = Settings.of(enabled("otel.traces.exporter", "no-such-exporter", "otel.exporter.otlp.headers", "api-key=k3y"));
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(log.messages(Level.SEVERE)).singleElement().satisfies(m ->
          assertThat(m).contains("no-such-exporter").contains("otel.traces.exporter").doesNotContain("k3y"));
      assertThat(log.messages(Level.WARNING)).as("only the SEVERE message, no service-name warning for an SDK that never ran")
          .hasSize(1);
    }
  }

  @Test
  void otlpDefaultsToHttpProtobufAndJarBasedServiceNamesAndTheContainerDetectorAreOff() {
    Map<String, String> defaults = SdkOpinions.defaults(Settings.of(Map.of()));

    assertThat(defaults).containsEntry("otel.exporter.otlp.protocol", "http/protobuf");
    assertThat(defaults).containsEntry("otel.experimental.sdk.telemetry.version", "latest");
    assertThat(defaults.get("otel.java.disabled.resource.providers"))
        .contains("io.opentelemetry.instrumentation.resources.ContainerResourceProvider")
        .contains("io.opentelemetry.instrumentation.resources.JarServiceNameDetector")
        .contains("io.opentelemetry.instrumentation.resources.ManifestResourceProvider");
  }

  @Test
  void containerDetectorIsTurnedOnByOneSettingAndUserDisabledProvidersAreKept() {
    Map<String, String> defaults = SdkOpinions.defaults(Settings.of(Map.of(
        "mpotel.resource.container.enabled", "true",
        "otel.java.disabled.resource.providers", "io.opentelemetry.instrumentation.resources.HostResourceProvider")));

    assertThat(defaults.get("otel.java.disabled.resource.providers"))
        .doesNotContain("ContainerResourceProvider")
        .contains("io.opentelemetry.instrumentation.resources.HostResourceProvider");
  }

  @Test
  void aProtocolSetByTheUserIsNotOverridden() {
    assertThat(SdkOpinions.defaults(Settings.of(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))).doesNotContainKey("otel.exporter.otlp.protocol");
  }
}
