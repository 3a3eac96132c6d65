package dev.mpotel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsValidatorTest {

  private static List<SettingProblem> problems(Map<String, String> raw) {
    return SettingsValidator.validate(Settings.of(raw));
  }

  @Test
  void correctSettingsHaveNoProblem() {
    assertThat(problems(Map.of(
        "otel.exporter.otlp.protocol", "grpc",
        "otel.exporter.otlp.traces.protocol", "http/protobuf",
        "otel.exporter.otlp.endpoint", "https://collector.example:4318",
        "otel.exporter.otlp.headers", "Authorization=Bearer%20abc,x-tenant=acme",
        "otel.exporter.otlp.timeout", "10s",
        "otel.traces.sampler", "parentbased_traceidratio",
        "otel.traces.sampler.arg", "0.25",
        "otel.metric.export.interval", "60000",
        "otel.sdk.disabled", "false"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "otel.exporter.otlp.protocol|http/json|one of grpc, http/protobuf",
      "otel.exporter.otlp.metrics.protocol|udp|one of grpc, http/protobuf",
      "otel.exporter.otlp.endpoint|collector:4318|absolute http:// or https:// URL",
      "otel.exporter.otlp.traces.endpoint|ftp://collector|absolute http:// or https:// URL",
      "otel.exporter.otlp.endpoint|http://bad host|absolute http:// or https:// URL",
      "otel.exporter.otlp.timeout|-5|non-negative",
      "otel.exporter.otlp.logs.timeout|soon|non-negative",
      "otel.bsp.schedule.delay|-1s|non-negative",
      "otel.metric.export.interval|0|positive",
      "otel.exporter.otlp.compression|zip|one of gzip, none",
      "otel.bsp.max.queue.size|0|positive whole number",
      "otel.sdk.disabled|no|true or false",
      "mpotel.config.strict|yes|true or false",
  })
  void wrongValueIsReportedWithKeyValueAndWhatIsAccepted(String key, String value, String accepted) {
    List<SettingProblem> problems = problems(Map.of(key, value));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.key()).isEqualTo(key);
      assertThat(problem.redactedValue()).isEqualTo(value);
      assertThat(problem.accepted()).contains(accepted);
    });
  }

  @Test
  void samplerRatioAboveOneIsReported() {
    assertThat(problems(Map.of("otel.traces.sampler", "traceidratio", "otel.traces.sampler.arg", "2")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.key()).isEqualTo("otel.traces.sampler.arg");
          assertThat(p.accepted()).contains("0.0 to 1.0");
        });
  }

  @Test
  void malformedHeaderListIsReportedWithoutItsSecretValues() {
    List<SettingProblem> problems = problems(Map.of("otel.exporter.otlp.headers", "Authorization=Bearer s3cr3t,broken"));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("otel.exporter.otlp.headers");
      assertThat(p.redactedValue()).isEqualTo("Authorization=***,***");
      assertThat(p.toString()).doesNotContain("s3cr3t").contains("name=value");
    });
  }

  @Test
  void credentialsInAnEndpointAreRedacted() {
    List<SettingProblem> problems = problems(Map.of("otel.exporter.otlp.endpoint", "tcp://user:pa55@collector:4318"));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.redactedValue()).isEqualTo("tcp://***@collector:4318"));
  }

  @Test
  void allProblemsAreReportedAtOnce() {
    assertThat(problems(Map.of("otel.exporter.otlp.protocol", "x", "otel.exporter.otlp.timeout", "-1")))
        .extracting(SettingProblem::key)
        .containsExactly("otel.exporter.otlp.protocol", "otel.exporter.otlp.timeout");
  }
}
