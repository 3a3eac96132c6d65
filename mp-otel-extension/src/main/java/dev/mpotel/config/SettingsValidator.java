package dev.mpotel.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the settings users most often get wrong before the SDK is built, so that a mistake gives one
 * message that names the key, the (redacted) value and what is accepted. Anything it does not check is
 * left to OpenTelemetry's autoconfigure, whose errors are reported the same way.
 */
public final class SettingsValidator {

  private static final List<String> SIGNALS = List.of("", "traces.", "metrics.", "logs.");
  private static final Set<String> PROTOCOLS = Set.of("grpc", "http/protobuf");
  private static final Set<String> COMPRESSIONS = Set.of("gzip", "none");
  private static final Set<String> RATIO_SAMPLERS = Set.of("traceidratio", "parentbased_traceidratio");
  private static final List<String> BOOLEANS =
      List.of(Settings.SDK_DISABLED, Settings.STRICT, Settings.CONTAINER_RESOURCE);
  private static final List<String> NON_NEGATIVE_DURATIONS =
      List.of(
          "otel.bsp.schedule.delay",
          "otel.bsp.export.timeout",
          "otel.blrp.schedule.delay",
          "otel.blrp.export.timeout",
          "otel.metric.export.timeout",
          Settings.SHUTDOWN_TIMEOUT);
  private static final List<String> POSITIVE_DURATIONS = List.of("otel.metric.export.interval");
  private static final List<String> POSITIVE_INTEGERS =
      List.of(
          "otel.bsp.max.queue.size",
          "otel.bsp.max.export.batch.size",
          "otel.blrp.max.queue.size",
          "otel.blrp.max.export.batch.size",
          "otel.attribute.value.length.limit",
          "otel.attribute.count.limit",
          "otel.span.attribute.count.limit",
          "otel.span.event.count.limit",
          "otel.span.link.count.limit");

  private SettingsValidator() {}

  /** Every problem found, in key order; empty when all checked settings are fine. */
  public static List<SettingProblem> validate(Settings settings) {
    List<SettingProblem> problems = new ArrayList<>();
    for (String key : BOOLEANS) {
      settings.get(key)
          .filter(v -> !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false"))
          .ifPresent(v -> problems.add(SettingProblem.of(key, v, "true or false")));
    }
    for (String signal : SIGNALS) {
      String prefix = "otel.exporter.otlp." + signal;
      checkOneOf(settings, prefix + "protocol", PROTOCOLS, problems);
      checkOneOf(settings, prefix + "compression", COMPRESSIONS, problems);
      checkEndpoint(settings, prefix + "endpoint", problems);
      checkHeaders(settings, prefix + "headers", problems);
      checkDuration(settings, prefix + "timeout", false, problems);
    }
    NON_NEGATIVE_DURATIONS.forEach(key -> checkDuration(settings, key, false, problems));
    POSITIVE_DURATIONS.forEach(key -> checkDuration(settings, key, true, problems));
    POSITIVE_INTEGERS.forEach(key -> checkPositiveInteger(settings, key, problems));
    checkSamplerRatio(settings, problems);
    checkPathPatterns(settings, problems);
    checkOneOf(settings, Settings.LOGS_JUL, Set.of("application", "all", "none"), problems);
    problems.sort((a, b) -> a.key().compareTo(b.key()));
    return problems;
  }

  private static void checkOneOf(Settings settings, String key, Set<String> accepted, List<SettingProblem> problems) {
    settings.get(key)
        .filter(v -> !accepted.contains(v.toLowerCase(Locale.ROOT)))
        .ifPresent(v -> problems.add(SettingProblem.of(key, v, "one of " + String.join(", ", new java.util.TreeSet<>(accepted)))));
  }

  private static void checkEndpoint(Settings settings, String key, List<SettingProblem> problems) {
    Optional<String> value = settings.get(key);
    if (value.isEmpty()) {
      return;
    }
    String accepted = "an absolute http:// or https:// URL with a host, such as http://collector:4318";
    try {
      URI uri = new URI(value.get());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        problems.add(SettingProblem.of(key, value.get(), accepted));
      }
    } catch (URISyntaxException e) {
      problems.add(SettingProblem.of(key, value.get(), accepted));
    }
  }

  private static void checkHeaders(Settings settings, String key, List<SettingProblem> problems) {
    Optional<String> value = settings.get(key);
    if (value.isEmpty()) {
      return;
    }
    for (String entry : value.get().split(",", -1)) {
      int eq = entry.indexOf('=');
      boolean valid = eq > 0 && !entry.substring(0, eq).isBlank() && !entry.substring(eq + 1).isBlank();
      if (!valid) {
        problems.add(
            SettingProblem.of(
                key,
                value.get(),
                "a comma-separated list of name=value pairs, such as Authorization=Bearer%20<token>"));
        return;
      }
    }
  }

  private static void checkDuration(Settings settings, String key, boolean positive, List<SettingProblem> problems) {
    settings.get(key)
        .ifPresent(
            v -> {
              Optional<Duration> d = DurationSetting.parse(v);
              boolean valid = d.isPresent() && !d.get().isNegative() && !(positive && d.get().isZero());
              if (!valid) {
                problems.add(
                    SettingProblem.of(
                        key,
                        v,
                        (positive ? "a positive" : "a non-negative")
                            + " whole number of milliseconds, or with a unit: ms, s, m, h, d (such as 10s)"));
              }
            });
  }

  private static void checkPositiveInteger(Settings settings, String key, List<SettingProblem> problems) {
    settings.get(key)
        .ifPresent(
            v -> {
              try {
                if (Integer.parseInt(v) > 0) {
                  return;
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              problems.add(SettingProblem.of(key, v, "a positive whole number"));
            });
  }

  private static void checkPathPatterns(Settings settings, List<SettingProblem> problems) {
    Optional<String> value = settings.get(Settings.HTTP_EXCLUDE);
    if (value.isEmpty() || PathPatterns.isValid(value.get())) {
      return;
    }
    problems.add(
        SettingProblem.of(
            Settings.HTTP_EXCLUDE,
            value.get(),
            "none, or comma-separated paths that start with /, where * matches anything (such as /health,/health/*)"));
  }

  private static void checkSamplerRatio(Settings settings, List<SettingProblem> problems) {
    String sampler = settings.get("otel.traces.sampler").orElse("").toLowerCase(Locale.ROOT);
    Optional<String> arg = settings.get("otel.traces.sampler.arg");
    if (!RATIO_SAMPLERS.contains(sampler) || arg.isEmpty()) {
      return;
    }
    try {
      double ratio = Double.parseDouble(arg.get());
      if (ratio >= 0.0 && ratio <= 1.0) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(SettingProblem.of("otel.traces.sampler.arg", arg.get(), "a ratio from 0.0 to 1.0 for sampler " + sampler));
  }
}
