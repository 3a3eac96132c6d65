package dev.mpotel.it.weldse;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs {@link ShopApplication} in Weld SE with bean discovery on, so the extension is found through the
 * jar's {@code META-INF/services} as in a user's program; settings come from MicroProfile Config.
 */
final class WeldApp implements AutoCloseable {

  private static final AtomicInteger IDS = new AtomicInteger();

  private final WeldContainer container;
  private final SmallRyeConfig config;

  private WeldApp(WeldContainer container, SmallRyeConfig config) {
    this.container = container;
    this.config = config;
  }

  static WeldApp start(Map<String, String> settings) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder().addDefaultSources().withSources(new PropertiesConfigSource(settings, "it", 1000)).build();
    ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
    WeldContainer container =
        new Weld("shop-" + IDS.incrementAndGet())
            .property("org.jboss.weld.se.shutdownHook", false)
            .addBeanClasses(ShopApplication.OrderService.class, ShopApplication.PaymentService.class)
            .initialize();
    return new WeldApp(container, config);
  }

  <T> T bean(Class<T> type) {
    return container.select(type).get();
  }

  /** Stops the container: the SDK flushes everything it holds before this returns. */
  @Override
  public void close() {
    try {
      container.shutdown();
    } finally {
      ConfigProviderResolver.instance().releaseConfig(config);
    }
  }
}
