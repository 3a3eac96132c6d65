package dev.mpotel.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

/** The baseline: the same body, no telemetry, called through the same kind of client proxy. */
@ApplicationScoped
public class PlainBean {

  public int work(int x) {
    return x * 31 + 7;
  }
}
