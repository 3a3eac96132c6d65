package dev.mpotel.benchmarks;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

/** The same body, traced by mp-otel's {@code @WithSpan} interceptor (span name {@code WithSpanBean.work}). */
@ApplicationScoped
public class WithSpanBean {

  @WithSpan
  public int work(int x) {
    return x * 31 + 7;
  }
}
