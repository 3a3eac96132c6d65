package dev.mpotel.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JVM metrics MicroProfile Telemetry 2.x requires ({@code jvm.memory.*}, {@code jvm.gc.duration},
 * {@code jvm.thread.count}, {@code jvm.class.*}, {@code jvm.cpu.*}), exactly as OpenTelemetry's
 * runtime-telemetry module names and describes them. Started with the SDK, closed before it.
 */
public final class RuntimeMetricsLifecycle implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RuntimeMetricsLifecycle.class.getName());

  private final RuntimeTelemetry telemetry;

  private RuntimeMetricsLifecycle(RuntimeTelemetry telemetry) {
    this.telemetry = telemetry;
  }

  /** Registers the JVM metric callbacks on this SDK's meter provider. */
  public static RuntimeMetricsLifecycle start(OpenTelemetry openTelemetry) {
    try {
      return new RuntimeMetricsLifecycle(RuntimeTelemetry.create(openTelemetry));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "mp-otel could not start the JVM metrics; the application runs on without them", e);
      return new RuntimeMetricsLifecycle(null);
    }
  }

  /** Unregisters the callbacks, so that nothing of this SDK is left on the JVM's MX beans. */
  @Override
  public void close() {
    if (telemetry != null) {
      try {
        telemetry.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing the JVM metrics failed", e);
      }
    }
  }
}
