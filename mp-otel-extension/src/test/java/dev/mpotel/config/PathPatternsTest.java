package dev.mpotel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathPatternsTest {

  private final PathPatterns defaults = PathPatterns.parse(Settings.DEFAULT_HTTP_EXCLUDE);

  @Test
  void byDefaultHealthAndMetricsEndpointsAreExcluded() {
    assertThat(defaults.matches("/health")).isTrue();
    assertThat(defaults.matches("/health/live")).isTrue();
    assertThat(defaults.matches("/health/ready/db")).isTrue();
    assertThat(defaults.matches("/metrics")).isTrue();
    assertThat(defaults.matches("/metrics/application")).isTrue();
  }

  @Test
  void byDefaultApplicationEndpointsAreNotExcluded() {
    assertThat(defaults.matches("/orders")).isFalse();
    assertThat(defaults.matches("/healthy")).isFalse();
    assertThat(defaults.matches("/api/health")).isFalse();
    assertThat(defaults.matches("/metricsx")).isFalse();
  }

  @Test
  void starMatchesAnythingIncludingSlashes() {
    PathPatterns patterns = PathPatterns.parse("/internal/*, /*/ping");

    assertThat(patterns.matches("/internal/a/b")).isTrue();
    assertThat(patterns.matches("/v1/ping")).isTrue();
    assertThat(patterns.matches("/v1/pong")).isFalse();
  }

  @Test
  void starsMatchAnyRunIncludingAnEmptyOneAndPartsMustNotOverlap() {
    PathPatterns patterns = PathPatterns.parse("/a*b*c, /x*x, /*/status/*");

    assertThat(patterns.matches("/abc")).isTrue();
    assertThat(patterns.matches("/a-b-b-c")).isTrue();
    assertThat(patterns.matches("/acb")).isFalse();
    assertThat(patterns.matches("/a-b-")).isFalse();
    assertThat(patterns.matches("/xx")).isTrue();
    assertThat(patterns.matches("/x")).as("/x*x needs two x after the slash").isFalse();
    assertThat(patterns.matches("/v1/status/db")).isTrue();
    assertThat(patterns.matches("/v1/status")).isFalse();
  }

  @Test
  void noneExcludesNothing() {
    assertThat(PathPatterns.parse("none").isEmpty()).isTrue();
    assertThat(PathPatterns.parse("none").matches("/health")).isFalse();
  }

  @Test
  void regexCharactersInAPatternAreLiteral() {
    assertThat(PathPatterns.parse("/a.b").matches("/axb")).isFalse();
    assertThat(PathPatterns.parse("/a.b").matches("/a.b")).isTrue();
  }

  @Test
  void aPatternThatDoesNotStartWithASlashIsAWrongSetting() {
    Settings settings = Settings.of(Map.of(Settings.HTTP_EXCLUDE, "/health,metrics"));

    assertThat(SettingsValidator.validate(settings))
        .singleElement()
        .satisfies(problem -> assertThat(problem.toString()).contains("mpotel.http.exclude").contains("/health,metrics"));
  }

  @Test
  void anUnknownJulBridgeModeIsAWrongSetting() {
    Settings settings = Settings.of(Map.of(Settings.LOGS_JUL, "sometimes"));

    assertThat(SettingsValidator.validate(settings)).singleElement()
        .satisfies(problem -> assertThat(problem.toString()).contains("mpotel.logs.jul"));
  }
}
