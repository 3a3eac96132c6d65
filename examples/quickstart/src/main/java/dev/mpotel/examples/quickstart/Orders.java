package dev.mpotel.examples.quickstart;

import dev.mpotel.Counted;
import dev.mpotel.Timed;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Places orders: a span per call, a call counter, a duration histogram and a business metric. */
@ApplicationScoped
public class Orders {

  private final Payments payments;
  private final DoubleHistogram orderValue;

  @Inject
  public Orders(Payments payments, Meter meter) {
    this.payments = payments;
    this.orderValue = meter.histogramBuilder("shop.order.value").setUnit("{EUR}").setDescription("Value of placed orders").build();
  }

  /** Required by CDI for the client proxy. */
  protected Orders() {
    this.payments = null;
    this.orderValue = null;
  }

  @WithSpan
  @Counted
  @Timed
  public String place(@SpanAttribute("shop.order.id") String orderId, @SpanAttribute("shop.order.items") int items) {
    if (items <= 0) {
      throw new IllegalArgumentException("an order needs at least one item");
    }
    double value = items * 9.99;
    String receipt = payments.charge(orderId, value);
    orderValue.record(value);
    return receipt;
  }
}
