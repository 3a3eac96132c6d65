package dev.mpotel.cdi;

import dev.mpotel.config.Settings;
import dev.mpotel.sdk.ApplicationName;
import dev.mpotel.sdk.TelemetrySdk;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Owns the application's one SDK: built once the container is up (so SPI providers may look beans up
 * through {@code CDI.current()}), shut down when the container stops. Nothing about it is static.
 */
@ApplicationScoped
class SdkLifecycle {

  /** Version of mp-otel, from the jar manifest, used as the instrumentation scope version. */
  static final String VERSION = versionOf(SdkLifecycle.class);

  private final Object lock = new Object();
  private volatile Settings settings;
  private volatile TelemetrySdk telemetry;
  private boolean closed;

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
          current = closed ? TelemetrySdk.off() : start();
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

  @PreDestroy
  void stop() {
    TelemetrySdk current;
    synchronized (lock) {
      closed = true;
      current = telemetry;
      telemetry = null;
    }
    if (current != null) {
      current.close();
    }
  }
}
