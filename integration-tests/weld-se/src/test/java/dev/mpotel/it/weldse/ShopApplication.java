package dev.mpotel.it.weldse;

import dev.mpotel.Counted;
import dev.mpotel.Timed;
import dev.mpotel.Traced;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A small application as users write it: annotations, and a business metric from an injected Meter. */
final class ShopApplication {

  private ShopApplication() {}

  @ApplicationScoped
  static class OrderService {
    @Inject PaymentService payments;
    @Inject Meter meter;
    private LongCounter placed;

    @PostConstruct
    void createMetrics() {
      placed = meter.counterBuilder("shop.orders.placed").setUnit("{order}").setDescription("Orders placed").build();
    }

    @WithSpan
    @Counted
    @Timed
    String place(@SpanAttribute("shop.order.id") String orderId) {
      String receipt = payments.charge(orderId);
      placed.add(1);
      return receipt;
    }
  }

  @Traced
  @ApplicationScoped
  static class PaymentService {
    String charge(String orderId) {
      return "paid:" + orderId;
    }
  }
}
