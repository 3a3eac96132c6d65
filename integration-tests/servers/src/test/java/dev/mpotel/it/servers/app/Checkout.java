package dev.mpotel.it.servers.app;

import dev.mpotel.Counted;
import dev.mpotel.Timed;
import jakarta.enterprise.context.ApplicationScoped;

/** A method counted and timed with {@code @Counted} and {@code @Timed}. */
@ApplicationScoped
public class Checkout {

  @Counted
  @Timed
  public String total(String orderId) {
    return "total-" + orderId;
  }
}
