package dev.mpotel.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

/** The same body behind {@link NoopInterceptor}: Weld interception, no telemetry. */
@ApplicationScoped
public class NoopInterceptedBean {

  @Noop
  public int work(int x) {
    return x * 31 + 7;
  }
}
