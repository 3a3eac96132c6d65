package dev.mpotel.config;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code otel.*} and {@code mpotel.*} settings one application sees, with keys in their dotted,
 * lower-case form ({@code OTEL_EXPORTER_OTLP_HEADERS} becomes {@code otel.exporter.otlp.headers}).
 *
 * <p>Values come from MicroProfile Config when its API and an implementation are visible to the
 * application, else from system properties over environment variables (see {@link #load(ClassLoader)}).
 */
public final class Settings {

  /** MicroProfile Telemetry: the SDK is off unless this is {@code false}. */
  public static final String SDK_DISABLED = "otel.sdk.disabled";
  /** Fail the deployment on a wrong setting instead of running with telemetry off. */
  public static final String STRICT = "mpotel.config.strict";
  /** Sets {@code deployment.environment.name} on the resource. */
  public static final String ENVIRONMENT = "mpotel.environment";
  /** Turns OpenTelemetry's container resource detector on. */
  public static final String CONTAINER_RESOURCE = "mpotel.resource.container.enabled";
  /** How long the SDK may take to flush and shut down when the container stops. */
  public static final String SHUTDOWN_TIMEOUT = "mpotel.shutdown.timeout";
  /** Instrumentation scope name of the injected {@code Tracer} and {@code Meter}. */
  public static final String SCOPE_NAME = "mpotel.scope.name";

  /**
   * Server endpoints that get neither spans nor {@code http.server.request.duration}: comma-separated
   * path patterns where {@code *} matches anything, {@code none} for no exclusion.
   */
  public static final String HTTP_EXCLUDE = "mpotel.http.exclude";

  /** Health checks and metric scrapes: frequent, uninteresting, and noise in every trace view. */
  public static final String DEFAULT_HTTP_EXCLUDE = "/health,/health/*,/metrics,/metrics/*";

  /**
   * Which {@code java.util.logging} records become OpenTelemetry logs: {@code application} (those logged
   * by the application's threads), {@code all}, or {@code none}.
   */
  public static final String LOGS_JUL = "mpotel.logs.jul";

  public static final String DEFAULT_LOGS_JUL = "application";

  static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
  static final String DEFAULT_SCOPE_NAME = "dev.mpotel";

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Settings from an explicit map; keys are normalized, keys of other prefixes are dropped. */
  public static Settings of(Map<String, String> raw) {
    Map<String, String> values = new TreeMap<>();
    raw.forEach(
        (key, value) -> {
          String normalized = normalize(key);
          if (normalized != null && value != null) {
            values.put(normalized, value);
          }
        });
    return new Settings(values);
  }

  /**
   * Reads the settings the application with this class loader sees: from MicroProfile Config when it
   * can be used, else from system properties (which win) and environment variables.
   */
  public static Settings load(ClassLoader applicationClassLoader) {
    Map<String, String> fromConfig = MicroProfileConfigReader.readIfAvailable(applicationClassLoader);
    if (fromConfig != null) {
      return new Settings(fromConfig);
    }
    return fromEnvironmentAndSystemProperties(System.getenv(), System.getProperties());
  }

  /** Without MicroProfile Config: system properties win over environment variables, as in autoconfigure. */
  static Settings fromEnvironmentAndSystemProperties(Map<String, String> environment, java.util.Properties systemProperties) {
    Map<String, String> values = new TreeMap<>();
    environment.forEach((key, value) -> putNormalized(values, key, value));
    systemProperties.forEach((key, value) -> putNormalized(values, String.valueOf(key), String.valueOf(value)));
    return new Settings(values);
  }

  private static void putNormalized(Map<String, String> values, String key, String value) {
    String normalized = normalize(key);
    if (normalized != null) {
      values.put(normalized, value);
    }
  }

  /**
   * The dotted lower-case form of an {@code otel.*}/{@code OTEL_*} or {@code mpotel.*}/{@code MPOTEL_*}
   * key, or {@code null} for any other key.
   */
  static String normalize(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.startsWith("otel_") || lower.startsWith("mpotel_")) {
      return lower.replace('_', '.');
    }
    if (lower.startsWith("otel.") || lower.startsWith("mpotel.")) {
      return lower;
    }
    return null;
  }

  public Optional<String> get(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** A boolean setting; anything but {@code true}/{@code false} is reported by {@link SettingsValidator}. */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key).orElse("");
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    return value.equalsIgnoreCase("false") ? false : defaultValue;
  }

  /** MicroProfile Telemetry's default: disabled unless {@code otel.sdk.disabled=false}. */
  public boolean sdkDisabled() {
    return getBoolean(SDK_DISABLED, true);
  }

  public boolean strict() {
    return getBoolean(STRICT, false);
  }

  public Duration shutdownTimeout() {
    return get(SHUTDOWN_TIMEOUT)
        .flatMap(DurationSetting::parse)
        .filter(d -> !d.isNegative())
        .orElse(DEFAULT_SHUTDOWN_TIMEOUT);
  }

  public String scopeName() {
    return get(SCOPE_NAME).orElse(DEFAULT_SCOPE_NAME);
  }

  /** The endpoint exclusion patterns as written ({@link #HTTP_EXCLUDE}), the default when unset. */
  public String httpExclude() {
    return get(HTTP_EXCLUDE).orElse(DEFAULT_HTTP_EXCLUDE);
  }

  /** {@link #LOGS_JUL}, lower case, the default when unset. */
  public String logsJul() {
    return get(LOGS_JUL).orElse(DEFAULT_LOGS_JUL).toLowerCase(Locale.ROOT);
  }

  /** Every setting, {@code otel.*} and {@code mpotel.*}. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Only the {@code otel.*} settings: what OpenTelemetry's autoconfigure receives unchanged. */
  public Map<String, String> openTelemetryProperties() {
    Map<String, String> otel = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith("otel.")) {
            otel.put(key, value);
          }
        });
    return otel;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Settings{");
    values.forEach((k, v) -> text.append(k).append('=').append(Redaction.redact(k, v)).append(", "));
    return text.append('}').toString();
  }
}
