package dev.mpotel.it.servers.app;

import dev.mpotel.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/** A bean traced as a whole with {@code @Traced}. */
@Traced
@ApplicationScoped
public class Pricing {

  public long price(String orderId) {
    return 40 + orderId.length();
  }
}
