package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An unmodified Payara (only bound to loopback) and the war without {@code WEB-INF/glassfish-web.xml}: Payara's
 * MicroProfile Telemetry beans meet mp-otel's, and mp-otel must stop the deployment with its own message naming
 * the descriptor, not with Weld's raw ambiguous-dependency error.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraStockConflictTest extends PlatformTelemetryConflict {

  @Test
  void deploymentFailsWithMpOtelsMessageNamingTheDescriptor() throws IOException {
    assertThat(deploymentFailure()).hasStackTraceContaining(MESSAGE);

    assertThat(read(Path.of(System.getProperty("payara.stock.home"), "glassfish", "domains", "domain1", "logs", "server.log")))
        .contains(MESSAGE)
        .contains("<class-loader delegate=\"false\"/>")
        .doesNotContain(WELD_AMBIGUOUS);
  }
}
