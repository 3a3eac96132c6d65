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

  /**
   * Liberty runs {@code async()} calls on its own executor, whose tasks only Liberty-internal OSGi services
   * ({@code io.openliberty.restfulWS.client.ClientAsyncTaskWrapper}) can wrap, and not through RESTEasy's
   * thread contexts: nothing an application brings can reach that thread. A client built with an executor
   * of its own (the documented fix) does carry the context, which the same test checks.
   */
  @Override
  boolean carriesTheContextToJakartaAsyncCalls() {
    return false;
  }
}
