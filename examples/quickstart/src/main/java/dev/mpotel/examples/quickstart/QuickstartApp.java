package dev.mpotel.examples.quickstart;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The whole application: start CDI, place a few orders, stop. Telemetry needs no code here: the
 * extension is found on the class path and configured from {@code META-INF/microprofile-config.properties}.
 */
public final class QuickstartApp {

  private QuickstartApp() {}

  public static void main(String[] args) {
    try (WeldContainer container = new Weld().initialize()) {
      Orders orders = container.select(Orders.class).get();
      for (int i = 1; i <= 3; i++) {
        orders.place("order-" + i, i);
      }
      try {
        orders.place("order-4", 0);
      } catch (IllegalArgumentException expected) {
        System.out.println("order-4 refused: " + expected.getMessage());
      }
    } // closing the container flushes spans and metrics to the Collector
  }
}
