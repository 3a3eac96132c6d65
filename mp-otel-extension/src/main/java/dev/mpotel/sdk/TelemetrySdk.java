package dev.mpotel.sdk;

import dev.mpotel.config.Redaction;
import dev.mpotel.config.SettingProblem;
import dev.mpotel.config.Settings;
import dev.mpotel.config.SettingsValidator;
import dev.mpotel.logs.JulBridge;
import dev.mpotel.metrics.RuntimeMetricsLifecycle;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One application's OpenTelemetry: the SDK that autoconfigure builds from the application's settings,
 * or a no-op when telemetry is off or the settings are wrong. Closing it flushes and shuts the SDK down
 * within {@code mpotel.shutdown.timeout}.
 */
public final class TelemetrySdk implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TelemetrySdk.class.getName());

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk sdk;
  private final Duration shutdownTimeout;
  /** What runs on the SDK and must stop before it: JVM metrics, the logging bridge. */
  private final List<AutoCloseable> companions;
  /** The SDK's exporters, let go of once it is shut down (see {@link ReleasingExporters}). */
  private final ReleasingExporters exporters;

  private TelemetrySdk(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk, Duration shutdownTimeout, List<AutoCloseable> companions,
      ReleasingExporters exporters) {
    this.openTelemetry = openTelemetry;
    this.sdk = sdk;
    this.shutdownTimeout = shutdownTimeout;
    this.companions = companions;
    this.exporters = exporters;
  }

  /** Telemetry off: every call is a no-op, no thread or socket is ever opened, no handler installed. */
  public static TelemetrySdk off() {
    return new TelemetrySdk(OpenTelemetry.noop(), null, Duration.ZERO, List.of(), new ReleasingExporters());
  }

  /**
   * Builds the SDK for these settings, loading every autoconfigure SPI from the application's class
   * loader, with no JVM shutdown hook and without touching {@code GlobalOpenTelemetry}.
   *
   * @throws InvalidSettingsException only in strict mode, when the settings are wrong
   */
  public static TelemetrySdk start(Settings settings, ClassLoader applicationClassLoader, Supplier<String> applicationName) {
    if (settings.sdkDisabled()) {
      LOG.config("OpenTelemetry is off: set otel.sdk.disabled=false to turn it on");
      return off();
    }
    List<SettingProblem> problems = new ArrayList<>(SettingsValidator.validate(settings));
    problems.addAll(ExporterSenders.missing(settings, applicationClassLoader));
    if (!problems.isEmpty()) {
      return refuse(
          settings,
          "OpenTelemetry is off because of wrong settings:\n  "
              + problems.stream().map(SettingProblem::toString).collect(Collectors.joining("\n  ")));
    }
    try {
      Map<String, String> opinions = SdkOpinions.defaults(settings);
      Map<String, String> properties = new TreeMap<>(opinions);
      properties.putAll(settings.openTelemetryProperties());
      properties.putAll(opinionsThatMerge(opinions));
      AtomicReference<String> defaultedServiceName = new AtomicReference<>();
      ReleasingExporters exporters = new ReleasingExporters();
      OpenTelemetrySdk sdk =
          AutoConfiguredOpenTelemetrySdk.builder()
              .setComponentLoader(new ApplicationComponentLoader(applicationClassLoader))
              .disableShutdownHook()
              .addPropertiesCustomizer(config -> properties)
              // Exports run with the application's class loader (Payara's CDI needs it for exporters that are beans),
              // and the exporters are let go of at shutdown (ReleasingExporters).
              .addSpanExporterCustomizer((exporter, config) -> exporters.span(ApplicationLoaderExporters.spans(exporter, applicationClassLoader)))
              .addMetricExporterCustomizer((exporter, config) -> exporters.metric(ApplicationLoaderExporters.metrics(exporter, applicationClassLoader)))
              .addLogRecordExporterCustomizer((exporter, config) -> exporters.logRecord(ApplicationLoaderExporters.logs(exporter, applicationClassLoader)))
              .addResourceCustomizer((resource, config) -> SdkOpinions.apply(resource, settings, applicationName, defaultedServiceName::set))
              .build()
              .getOpenTelemetrySdk();
      if (defaultedServiceName.get() != null) {
        SdkOpinions.warnServiceNameDefaulted(defaultedServiceName.get());
      }
      LOG.fine(() -> "OpenTelemetry SDK started: " + settings);
      return new TelemetrySdk(sdk, sdk, settings.shutdownTimeout(), companions(sdk, settings, applicationClassLoader), exporters);
    } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
      return refuse(
          settings,
          "OpenTelemetry is off: the SDK could not be configured: "
              + Redaction.scrub(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), settings));
    }
  }

  private static List<AutoCloseable> companions(OpenTelemetrySdk sdk, Settings settings, ClassLoader applicationClassLoader) {
    List<AutoCloseable> companions = new ArrayList<>();
    companions.add(RuntimeMetricsLifecycle.start(sdk));
    switch (settings.logsJul()) {
      case "all":
        companions.add(JulBridge.install(sdk, null));
        break;
      case "none":
        break;
      default:
        companions.add(JulBridge.install(sdk, applicationClassLoader));
    }
    return List.copyOf(companions);
  }

  /** Keys our opinions merge with the user's value instead of leaving alone. */
  private static Map<String, String> opinionsThatMerge(Map<String, String> opinions) {
    return Map.of(SdkOpinions.DISABLED_PROVIDERS, opinions.get(SdkOpinions.DISABLED_PROVIDERS));
  }

  private static TelemetrySdk refuse(Settings settings, String message) {
    if (settings.strict()) {
      throw new InvalidSettingsException(message + "\n(" + Settings.STRICT + "=true makes this fail the deployment)");
    }
    LOG.severe(message + "\nThe application runs on without telemetry; set " + Settings.STRICT + "=true to fail the deployment instead.");
    return off();
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** Whether a real SDK runs (telemetry on and the settings valid). */
  public boolean enabled() {
    return sdk != null;
  }

  /** Flushes what is buffered and shuts the SDK down, waiting at most the configured timeout. */
  @Override
  public void close() {
    if (sdk == null) {
      return;
    }
    // Last records first: the bridge and the JVM metrics stop before the SDK flushes.
    for (int i = companions.size() - 1; i >= 0; i--) {
      try {
        companions.get(i).close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "stopping " + companions.get(i) + " failed", e);
      }
    }
    try {
      CompletableResultCode result = sdk.shutdown().join(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!result.isDone()) {
        LOG.warning("OpenTelemetry SDK did not shut down within " + shutdownTimeout.toMillis() + " ms (" + Settings.SHUTDOWN_TIMEOUT
            + "); telemetry still buffered may be lost");
      } else if (!result.isSuccess()) {
        LOG.warning("OpenTelemetry SDK shut down, but an exporter failed to flush; telemetry still buffered may be lost");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "OpenTelemetry SDK shutdown failed", e);
    } finally {
      // Whatever still holds this SDK (a server may keep an undeployed application's objects for a while) no longer
      // reaches the exporters and their HTTP clients, so these and their threads end.
      exporters.releaseAll();
    }
  }

  /** Whether every exporter of this SDK has been let go of (after {@link #close()}). */
  boolean exportersReleased() {
    return exporters.allReleased();
  }
}
