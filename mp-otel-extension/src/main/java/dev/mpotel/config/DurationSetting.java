package dev.mpotel.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the way OpenTelemetry's autoconfigure reads them: a whole number, ms by default. */
final class DurationSetting {

  private static final Pattern FORMAT = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)?");

  private DurationSetting() {}

  static Optional<Duration> parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String unit = m.group(2) == null ? "ms" : m.group(2);
    switch (unit) {
      case "s":
        return Optional.of(Duration.ofSeconds(amount));
      case "m":
        return Optional.of(Duration.ofMinutes(amount));
      case "h":
        return Optional.of(Duration.ofHours(amount));
      case "d":
        return Optional.of(Duration.ofDays(amount));
      default:
        return Optional.of(Duration.ofMillis(amount));
    }
  }
}
