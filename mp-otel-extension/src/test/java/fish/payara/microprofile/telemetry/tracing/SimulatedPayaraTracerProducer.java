package fish.payara.microprofile.telemetry.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Stands in for Payara's OpenTelemetryTracerProducer, which Payara adds to every CDI application. */
@ApplicationScoped
public class SimulatedPayaraTracerProducer {

  @Produces
  @ApplicationScoped
  Tracer tracer() {
    return OpenTelemetry.noop().getTracer("payara");
  }
}
