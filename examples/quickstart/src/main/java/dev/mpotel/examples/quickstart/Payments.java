package dev.mpotel.examples.quickstart;

import dev.mpotel.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/** Every business method of a {@code @Traced} bean gets a span. */
@Traced
@ApplicationScoped
public class Payments {

  public String charge(String orderId, double amount) {
    return "receipt for " + orderId + ": " + String.format("%.2f", amount);
  }
}
