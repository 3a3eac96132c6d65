package dev.mpotel.it.servers;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly with {@code standalone-microprofile.xml}, whose {@code opentelemetry} and {@code microprofile-telemetry}
 * subsystems add their own OpenTelemetry (classes and CDI beans) to every deployment. The war opts out with
 * {@code WEB-INF/jboss-deployment-structure.xml} and then behaves exactly as on {@code standalone.xml}.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyMicroProfileTest extends ShopTelemetryContract {

  static final String EXCLUDE_TELEMETRY_SUBSYSTEMS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.2">
        <deployment>
          <exclude-subsystems>
            <subsystem name="microprofile-telemetry"/>
            <subsystem name="opentelemetry"/>
          </exclude-subsystems>
        </deployment>
      </jboss-deployment-structure>
      """;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleApp.war()
        .addAsWebInfResource(new StringAsset(EXCLUDE_TELEMETRY_SUBSYSTEMS), "jboss-deployment-structure.xml");
  }
}
