package dev.mpotel.cdi;

import dev.mpotel.config.Settings;
import dev.mpotel.sdk.ApplicationName;
import dev.mpotel.sdk.TelemetrySdk;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Builds the application's one SDK once the container is up (so SPI providers may look beans up
 * through {@code CDI.current()}), and hands it to the extension, which shuts it down last, after every
 * bean's {@code @PreDestroy} had its chance to record telemetry. Nothing about it is static.
 */
@ApplicationScoped
class SdkLifecycle {

  /** Version of mp-otel, from the jar manifest, used as the instrumentation scope version. */
  static final String VERSION = versionOf(SdkLifecycle.class);

  private final Object lock = new Object();
  private final MpOtelExtension extension;
  private volatile Settings settings;
  private volatile TelemetrySdk telemetry;

  @Inject
  SdkLifecycle(MpOtelExtension extension) {
    this.extension = extension;
  }

  /** For the client proxy only. */
  SdkLifecycle() {
    this.extension = null;
  }

  /** Starts the SDK with the container, so exporters and metric readers run even before first use. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object containerStarted) {
    openTelemetry();
  }

  OpenTelemetry openTelemetry() {
    TelemetrySdk current = telemetry;
    if (current == null) {
      synchronized (lock) {
        current = telemetry;
        if (current == null) {
          current = start();
          extension.shutDownAtContainerEnd(current);
          telemetry = current;
        }
      }
    }
    return current.openTelemetry();
  }

  private TelemetrySdk start() {
    ClassLoader applicationClassLoader = applicationClassLoader();
    return TelemetrySdk.start(settings(), applicationClassLoader, ApplicationName::detect);
  }

  Settings settings() {
    Settings current = settings;
    if (current == null) {
      current = Settings.load(applicationClassLoader());
      settings = current;
    }
    return current;
  }

  /**
   * The instrumentation scope of the injected {@code Tracer} and {@code Meter}: a stable name
   * ({@code mpotel.scope.name}, default {@code dev.mpotel}), never a class name, so that dashboards do
   * not break when code moves.
   */
  String scopeName() {
    return settings().scopeName();
  }

  private static String versionOf(Class<?> type) {
    String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  static ClassLoader applicationClassLoader() {
    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
    return tccl != null ? tccl : SdkLifecycle.class.getClassLoader();
  }
}
