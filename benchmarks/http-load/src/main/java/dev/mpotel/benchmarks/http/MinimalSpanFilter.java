package dev.mpotel.benchmarks.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * The least a tracer must do per request, as a floor for the overhead figures: one server span per request, with
 * no attribute, no propagation, no scope and no metric, started and ended with mp-otel's SDK (the same batch
 * processor, OTLP exporter and Collector as {@code on}). Not a way to trace: the {@code on-minimal} configuration
 * runs it with mp-otel's own server spans excluded.
 */
@PreMatching
public class MinimalSpanFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String SPAN = MinimalSpanFilter.class.getName();

  private volatile Tracer tracer;

  @Override
  public void filter(ContainerRequestContext request) {
    Tracer current = tracer;
    if (current == null) {
      current = CDI.current().select(OpenTelemetry.class).get().getTracer("dev.mpotel.benchmarks.minimal");
      tracer = current;
    }
    request.setProperty(SPAN, current.spanBuilder("GET").setSpanKind(SpanKind.SERVER).startSpan());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object span = request.getProperty(SPAN);
    if (span instanceof Span) {
      ((Span) span).end();
    }
  }
}
