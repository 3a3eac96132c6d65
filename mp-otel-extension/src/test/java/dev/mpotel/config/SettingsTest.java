package dev.mpotel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void sdkIsDisabledUnlessSetToFalse() {
    assertThat(Settings.of(Map.of()).sdkDisabled()).isTrue();
    assertThat(Settings.of(Map.of("otel.sdk.disabled", "true")).sdkDisabled()).isTrue();
    assertThat(Settings.of(Map.of("otel.sdk.disabled", "false")).sdkDisabled()).isFalse();
    assertThat(Settings.of(Map.of("OTEL_SDK_DISABLED", "FALSE")).sdkDisabled()).isFalse();
  }

  @Test
  void environmentVariableNamesBecomeDottedKeys() {
    Settings settings = Settings.of(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "a=b", "MPOTEL_ENVIRONMENT", "prod", "JAVA_HOME", "/x"));

    assertThat(settings.asMap()).containsOnlyKeys("otel.exporter.otlp.headers", "mpotel.environment");
  }

  @Test
  void everyOtelKeyIsPassedToAutoconfigureAndOurOwnAreNot() {
    Settings settings = Settings.of(Map.of("otel.test.key1", "v", "otel.service.name", "s", "mpotel.config.strict", "true"));

    assertThat(settings.openTelemetryProperties()).containsOnlyKeys("otel.test.key1", "otel.service.name");
  }

  @Test
  void microProfileConfigIsReadIncludingEnvironmentStyleNamesWithOrdinalsDeciding() {
    var config =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(Map.of("OTEL_SERVICE_NAME", "from-env-style", "otel.traces.sampler", "always_off"), "low", 100))
            .withSources(new PropertiesConfigSource(Map.of("otel.traces.sampler", "always_on"), "high", 400))
            .build();

    Map<String, String> values = MicroProfileConfigReader.read(config);

    assertThat(values).containsEntry("otel.service.name", "from-env-style").containsEntry("otel.traces.sampler", "always_on");
  }

  @Test
  void withoutMicroProfileConfigSystemPropertiesWinOverEnvironmentVariables() {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("otel.service.name", "from-property");
    properties.setProperty("user.home", "/home/x");

    Settings settings = Settings.fromEnvironmentAndSystemProperties(
        Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_SDK_DISABLED", "false", "PATH", "/bin"), properties);

    assertThat(settings.asMap())
        .containsOnly(Map.entry("otel.service.name", "from-property"), Map.entry("otel.sdk.disabled", "false"));
  }

  @Test
  void shutdownTimeoutDefaultsToTenSecondsAndTakesUnits() {
    assertThat(Settings.of(Map.of()).shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(Settings.of(Map.of("mpotel.shutdown.timeout", "3s")).shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(Settings.of(Map.of("mpotel.shutdown.timeout", "250")).shutdownTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void toStringRedactsHeaderValues() {
    String text = Settings.of(Map.of("otel.exporter.otlp.headers", "Authorization=Bearer s3cr3t")).toString();

    assertThat(text).contains("Authorization=***").doesNotContain("s3cr3t");
  }
}
