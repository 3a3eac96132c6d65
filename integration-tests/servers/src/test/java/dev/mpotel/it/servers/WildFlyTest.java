package dev.mpotel.it.servers;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly with {@code standalone.xml}: no MicroProfile Telemetry subsystem, MicroProfile Config and Rest Client
 * available to the application. The war needs nothing server-specific.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyTest extends ShopTelemetryContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleApp.war();
  }
}
