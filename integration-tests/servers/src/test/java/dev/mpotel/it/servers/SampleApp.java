package dev.mpotel.it.servers;

import dev.mpotel.it.servers.app.Checkout;
import dev.mpotel.it.servers.app.HealthResource;
import dev.mpotel.it.servers.app.Inventory;
import dev.mpotel.it.servers.app.OrderResource;
import dev.mpotel.it.servers.app.Pricing;
import dev.mpotel.it.servers.app.ShopApplication;
import dev.mpotel.it.servers.app.StockClient;
import dev.mpotel.it.servers.app.StockResource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The sample war: the shop application, mp-otel and its runtime dependencies in {@code WEB-INF/lib} (copied into
 * {@code target/war-lib} by the build), and telemetry settings in {@code META-INF/microprofile-config.properties}.
 * No {@code otel.service.name}: the service must be named after the application, {@value #NAME}.
 */
final class SampleApp {

  /** The war's name, so the context root and the default service name. */
  static final String NAME = "shop";

  private SampleApp() {}

  static WebArchive war() {
    return war(NAME);
  }

  /** The same application under another name (so another context root and service name). */
  static WebArchive war(String name) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addClasses(ShopApplication.class, OrderResource.class, StockResource.class, StockClient.class,
            HealthResource.class, Inventory.class, Pricing.class, Checkout.class)
        .addAsLibraries(warLibraries())
        .addAsResource(new StringAsset(properties(settings())), "META-INF/microprofile-config.properties")
        .addAsWebInfResource(new StringAsset(
            "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>\n"),
            "beans.xml");
  }

  /** Telemetry on, exported to the test's Collector, with short intervals so that tests wait little. */
  static Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.exporter.otlp.endpoint", TelemetryBackend.collector().httpEndpoint());
    settings.put("otel.metric.export.interval", "1000");
    settings.put("otel.bsp.schedule.delay", "100");
    settings.put("otel.blrp.schedule.delay", "100");
    return settings;
  }

  static String properties(Map<String, String> settings) {
    return settings.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static File[] warLibraries() {
    String dir = System.getProperty("war.lib.dir");
    if (dir == null) {
      throw new IllegalStateException("System property war.lib.dir is not set; run the tests through Maven");
    }
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      File[] jars = files.filter(f -> f.toString().endsWith(".jar")).map(Path::toFile).sorted().toArray(File[]::new);
      if (jars.length == 0) {
        throw new IllegalStateException("No jars in " + dir);
      }
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
