package dev.mpotel.benchmarks;

import dev.mpotel.Counted;
import jakarta.enterprise.context.ApplicationScoped;

/** The same body, counted by mp-otel's {@code @Counted} (counter {@code CountedBean.work.invocations}). */
@ApplicationScoped
public class CountedBean {

  @Counted
  public int work(int x) {
    return x * 31 + 7;
  }
}
