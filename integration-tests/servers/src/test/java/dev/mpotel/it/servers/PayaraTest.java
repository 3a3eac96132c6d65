package dev.mpotel.it.servers;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara Server with its default domain, bound to 127.0.0.1 by the build. Two things are needed, both found
 * here and described in docs/servers.md:
 *
 * <ul>
 *   <li>Payara adds its own MicroProfile Telemetry beans and OpenTelemetry 1.29 classes to every application, so
 *       the war isolates itself with {@code WEB-INF/glassfish-web.xml} ({@code <class-loader delegate="false"/>}):
 *       child-first class loading, its own OpenTelemetry, no server beans.
 *   <li>Payara's own telemetry cannot be switched off and also acts on {@code otel.sdk.disabled=false}: it builds
 *       an SDK of its own with the war's class loader, meets the war's OpenTelemetry SPI classes and fails the
 *       deployment ("CDI deployment failure:null -- null"), with or without mp-otel in the war. The build
 *       therefore removes {@code glassfish/modules/microprofile-telemetry.jar} from the unpacked server.
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class PayaraTest extends ShopTelemetryContract {

  static final String GLASSFISH_WEB_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
          "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
      <glassfish-web-app>
        <class-loader delegate="false"/>
      </glassfish-web-app>
      """;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleApp.war().addAsWebInfResource(new StringAsset(GLASSFISH_WEB_XML), "glassfish-web.xml");
  }
}
