package dev.mpotel.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The same body inside a hand-written span, using the {@link Tracer} bean mp-otel produces (the same SDK,
 * processor and exporter the interceptor uses).
 */
@ApplicationScoped
public class ManualSpanBean {

  @Inject Tracer tracer;

  @SuppressWarnings("try") // the Scope is only closed, by design
  public int work(int x) {
    Span s = tracer.spanBuilder("ManualSpanBean.work").startSpan();
    try (Scope ignored = s.makeCurrent()) {
      return x * 31 + 7;
    } finally {
      s.end();
    }
  }
}
