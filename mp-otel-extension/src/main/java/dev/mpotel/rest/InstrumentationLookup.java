package dev.mpotel.rest;

import jakarta.enterprise.inject.spi.CDI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the container's {@link HttpInstrumentation} for a provider that the Jakarta REST runtime, not
 * CDI, instantiated. A provider instance may outlive a container or serve several applications (RESTEasy
 * keeps client providers in a JVM-wide factory), so the instance found is kept only for the same
 * context class loader and while its container runs. Failures are logged once per JVM and leave the
 * request untraced.
 */
final class InstrumentationLookup {

  private static final Logger LOG = Logger.getLogger(InstrumentationLookup.class.getName());
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private volatile Found found;

  /** The instrumentation, or {@code null} when there is none to use (no CDI, telemetry off). */
  HttpInstrumentation get() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Found cached = found;
    HttpInstrumentation current = cached != null && cached.loader == loader && !cached.instrumentation.closed() ? cached.instrumentation : null;
    if (current == null) {
      try {
        current = CDI.current().select(HttpInstrumentation.class).get();
        found = new Found(loader, current);
      } catch (RuntimeException | LinkageError e) {
        // No CDI container for this thread's application (yet): try again on the next request.
        if (REPORTED.compareAndSet(false, true)) {
          LOG.log(Level.WARNING, "mp-otel found no CDI container for a Jakarta REST request; it runs untraced", e);
        }
        return null;
      }
    }
    return current.enabled() ? current : null;
  }

  private static final class Found {
    final ClassLoader loader;
    final HttpInstrumentation instrumentation;

    Found(ClassLoader loader, HttpInstrumentation instrumentation) {
      this.loader = loader;
      this.instrumentation = instrumentation;
    }
  }

  /** Reports a failure inside mp-otel's own code once, so that telemetry never breaks a request. */
  static void reportOnce(AtomicBoolean reported, String what, Throwable error) {
    if (reported.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "mp-otel failed to " + what + "; the request goes on (reported once)", error);
    }
  }
}
