package dev.mpotel.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container for one test, with its own MicroProfile Config (the given settings over system
 * properties and environment). The mp-otel extension is found the way users get it: through
 * {@code META-INF/services}, with no {@code beans.xml} of ours.
 */
public final class TestContainer implements AutoCloseable {

  private static final AtomicInteger IDS = new AtomicInteger();

  /** Settings that turn the SDK on with in-memory exporters only. */
  public static Map<String, String> enabled() {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.service.name", "test-service");
    settings.put("otel.traces.exporter", "none");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    settings.put("otel.test.memory", "true");
    return settings;
  }

  private final WeldContainer container;
  private final SmallRyeConfig config;

  private TestContainer(WeldContainer container, SmallRyeConfig config) {
    this.container = container;
    this.config = config;
  }

  public static TestContainer start(Map<String, String> settings, Class<?>... beans) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultSources()
            .withSources(new PropertiesConfigSource(settings, "test", 1000))
            .build();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver.instance().registerConfig(config, loader);
    try {
      Weld weld =
          new Weld("mpotel-test-" + IDS.incrementAndGet())
              .disableDiscovery()
              .property("org.jboss.weld.se.shutdownHook", false)
              .addBeanClasses(beans);
      ServiceLoaderExtensions.addTo(weld);
      return new TestContainer(weld.initialize(), config);
    } catch (RuntimeException e) {
      ConfigProviderResolver.instance().releaseConfig(config);
      throw e;
    }
  }

  public <T> T select(Class<T> type) {
    return container.select(type).get();
  }

  public WeldContainer weld() {
    return container;
  }

  @Override
  public void close() {
    try {
      container.shutdown();
    } finally {
      ConfigProviderResolver.instance().releaseConfig(config);
    }
  }
}
