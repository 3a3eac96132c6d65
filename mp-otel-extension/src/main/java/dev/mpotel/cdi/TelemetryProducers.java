package dev.mpotel.cdi;

import dev.mpotel.config.Settings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The beans MicroProfile Telemetry requires. {@code Singleton}, not {@code ApplicationScoped}: no client
 * proxy on the hot path, and {@code Span}/{@code Baggage} need no request context because they delegate
 * to what is current at call time.
 */
class TelemetryProducers {

  @Produces
  @Singleton
  OpenTelemetry openTelemetry(SdkLifecycle lifecycle) {
    return lifecycle.openTelemetry();
  }

  /** The application's settings, for mp-otel's own beans (HTTP exclusions and the like). */
  @Produces
  @Singleton
  Settings settings(SdkLifecycle lifecycle) {
    return lifecycle.settings();
  }

  @Produces
  @Singleton
  Tracer tracer(OpenTelemetry openTelemetry, SdkLifecycle lifecycle) {
    return openTelemetry.tracerBuilder(lifecycle.scopeName()).setInstrumentationVersion(SdkLifecycle.VERSION).build();
  }

  @Produces
  @Singleton
  Meter meter(OpenTelemetry openTelemetry, SdkLifecycle lifecycle) {
    return openTelemetry.meterBuilder(lifecycle.scopeName()).setInstrumentationVersion(SdkLifecycle.VERSION).build();
  }

  @Produces
  @Singleton
  Span span() {
    return CurrentSpan.INSTANCE;
  }

  @Produces
  @Singleton
  Baggage baggage() {
    return CurrentBaggage.INSTANCE;
  }
}
