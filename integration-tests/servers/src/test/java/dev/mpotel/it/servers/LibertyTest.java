package dev.mpotel.it.servers;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Open Liberty with {@code cdi-4.0}, {@code restfulWS-3.1}, {@code servlet-6.0}, {@code mpConfig-3.1} and
 * {@code mpRestClient-4.0} ({@code src/test/liberty/server.xml}), without {@code mpTelemetry}. The war needs
 * nothing server-specific.
 */
@ExtendWith(ArquillianExtension.class)
class LibertyTest extends ShopTelemetryContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleApp.war();
  }
}
