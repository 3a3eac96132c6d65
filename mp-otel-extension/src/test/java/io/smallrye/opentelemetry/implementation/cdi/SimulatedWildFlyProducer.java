package io.smallrye.opentelemetry.implementation.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Stands in for SmallRye's OpenTelemetryProducer, which WildFly's microprofile-telemetry subsystem adds. */
@Singleton
public class SimulatedWildFlyProducer {

  @Produces
  @Singleton
  OpenTelemetry openTelemetry() {
    return OpenTelemetry.noop();
  }

  @Produces
  @Singleton
  Tracer tracer() {
    return OpenTelemetry.noop().getTracer("wildfly");
  }
}
