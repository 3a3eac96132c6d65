package dev.mpotel.benchmarks;

import dev.mpotel.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/** The same body, traced by mp-otel's class-level {@code @Traced} (span name {@code TracedBean.work}). */
@Traced
@ApplicationScoped
public class TracedBean {

  public int work(int x) {
    return x * 31 + 7;
  }
}
