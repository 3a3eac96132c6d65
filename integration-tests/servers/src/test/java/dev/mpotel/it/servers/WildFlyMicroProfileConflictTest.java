package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly with {@code standalone-microprofile.xml} and a war without the opt-out descriptor: the server's
 * MicroProfile Telemetry beans meet mp-otel's, and mp-otel must stop the deployment with its own message naming the
 * fix, not with Weld's raw ambiguous-dependency error.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyMicroProfileConflictTest extends PlatformTelemetryConflict {

  @Test
  void deploymentFailsWithMpOtelsMessageNamingTheDescriptor() throws IOException {
    assertThat(deploymentFailure())
        .hasStackTraceContaining(MESSAGE)
        .hasStackTraceContaining("jboss-deployment-structure.xml");

    assertThat(read(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log")))
        .contains(MESSAGE)
        .contains("<subsystem name=\"microprofile-telemetry\"/>")
        .doesNotContain(WELD_AMBIGUOUS);
  }
}
