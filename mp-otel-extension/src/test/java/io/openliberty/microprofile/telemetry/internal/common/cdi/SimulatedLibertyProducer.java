package io.openliberty.microprofile.telemetry.internal.common.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Stands in for Open Liberty's OpenTelemetryProducer, which the mpTelemetry feature adds to every CDI application. */
@ApplicationScoped
public class SimulatedLibertyProducer {

  @Produces
  @ApplicationScoped
  Tracer tracer() {
    return OpenTelemetry.noop().getTracer("liberty");
  }
}
