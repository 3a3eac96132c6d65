package dev.mpotel.tck.servers;

import dev.mpotel.tck.servers.inwar.ContextPropagatingExecutor;
import dev.mpotel.tck.servers.inwar.DiscardingSpanExporterProvider;
import dev.mpotel.tck.servers.inwar.ExportersOffByDefault;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Turns each TCK war into an application that brings its own MicroProfile Telemetry: mp-otel and its runtime
 * dependencies (copied by the build into {@code war.lib.dir}) go into {@code WEB-INF/lib}, with the test-only
 * helpers every TCK run needs, and whatever the server under test needs (system property {@code tck.server}).
 *
 * <ul>
 *   <li>{@code mp-otel-tck-helpers.jar}: {@link ExportersOffByDefault} (a lowest-ordinal config source for
 *       deployments that name no exporter), {@link DiscardingSpanExporterProvider} (span exporter {@code
 *       discard}) and {@link ContextPropagatingExecutor}, named as {@code telemetry.tck.executor} in {@code
 *       META-INF/microprofile-telemetry-tck.properties} for {@code JaxRsServerAsyncTest}.
 *   <li>Payara: {@code WEB-INF/glassfish-web.xml} with {@code <class-loader delegate="false"/>}. Payara adds its
 *       own OpenTelemetry beans to every CDI application and exports its own (old) OpenTelemetry classes; child
 *       first loading gives the war its own.
 * </ul>
 */
public class MpOtelArchiveProcessor implements ApplicationArchiveProcessor {

  static final String HELPERS_JAR = "mp-otel-tck-helpers.jar";

  static final String GLASSFISH_WEB_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
          "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
      <glassfish-web-app>
        <class-loader delegate="false"/>
      </glassfish-web-app>
      """;

  @Override
  public void process(Archive<?> archive, TestClass testClass) {
    if (!(archive instanceof WebArchive war)) {
      return;
    }
    war.addAsLibraries(warLibraries());
    war.addAsLibrary(helpers());
    if ("payara".equals(System.getProperty("tck.server"))) {
      war.addAsWebInfResource(new StringAsset(GLASSFISH_WEB_XML), "glassfish-web.xml");
    }
  }

  static JavaArchive helpers() {
    return ShrinkWrap.create(JavaArchive.class, HELPERS_JAR)
        .addClasses(ExportersOffByDefault.class, DiscardingSpanExporterProvider.class,
            ContextPropagatingExecutor.class)
        .addAsServiceProvider("org.eclipse.microprofile.config.spi.ConfigSource",
            ExportersOffByDefault.class.getName())
        .addAsServiceProvider(
            "io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider",
            DiscardingSpanExporterProvider.class.getName())
        .addAsResource(new StringAsset("telemetry.tck.executor=" + ContextPropagatingExecutor.class.getName() + "\n"),
            "META-INF/microprofile-telemetry-tck.properties");
  }

  private static File[] warLibraries() {
    String dir = System.getProperty("war.lib.dir");
    if (dir == null) {
      throw new IllegalStateException("System property war.lib.dir is not set; run the TCK through Maven");
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
