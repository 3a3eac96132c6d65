package dev.mpotel.it.servers.app;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

/** A {@code @WithSpan} service. */
@ApplicationScoped
public class Inventory {

  @WithSpan
  public String reserve(@SpanAttribute("shop.order.id") String orderId) {
    return "reserved-" + orderId;
  }
}
