package dev.mpotel.benchmarks;

import dev.mpotel.Timed;
import jakarta.enterprise.context.ApplicationScoped;

/** The same body, timed by mp-otel's {@code @Timed} (histogram {@code TimedBean.work.duration}). */
@ApplicationScoped
public class TimedBean {

  @Timed
  public int work(int x) {
    return x * 31 + 7;
  }
}
