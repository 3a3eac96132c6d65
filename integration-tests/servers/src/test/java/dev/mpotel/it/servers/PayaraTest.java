package dev.mpotel.it.servers;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara Server with its default domain (bound to 127.0.0.1 by the build). Payara adds its own MicroProfile
 * Telemetry beans to every CDI application, so the war isolates itself with {@code WEB-INF/glassfish-web.xml}
 * ({@code <class-loader delegate="false"/>}): child-first class loading, its own OpenTelemetry, no server beans.
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
