package dev.mpotel.metrics;

import dev.mpotel.Counted;
import dev.mpotel.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/** Beans the metrics tests call. */
final class MeasuredBeans {

  private MeasuredBeans() {}

  @ApplicationScoped
  static class Checkout {
    @Counted
    void pay(boolean fail) {
      if (fail) {
        throw new IllegalArgumentException("declined");
      }
    }

    @Counted(value = "checkout.refunds", description = "Refunds issued")
    void refund() {}

    @Timed
    void ship() {}

    @Timed("checkout.async.duration")
    CompletableFuture<String> later(CompletableFuture<String> result) {
      return result;
    }
  }

  @Counted("catalog.calls")
  @Timed
  @ApplicationScoped
  static class Catalog {
    void list() {}

    void find() {}
  }
}
