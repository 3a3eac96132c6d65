package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Open Liberty with its own {@code mpTelemetry-2.1} feature ({@code src/test/liberty-mptelemetry/server.xml}) and
 * the sample war: Liberty's OpenTelemetry beans meet mp-otel's, and mp-otel must stop the deployment with its own
 * message naming the fix (remove the feature), not with Weld's raw ambiguous-dependency error. No descriptor in
 * the war makes the two work together on Liberty (docs/servers.md, "With mpTelemetry"). Liberty's deployer
 * reports only that the application did not start, so the message is read from the server's log.
 */
@ExtendWith(ArquillianExtension.class)
class LibertyMpTelemetryConflictTest extends PlatformTelemetryConflict {

  @Test
  void deploymentFailsWithMpOtelsMessageNamingTheFeature() throws IOException {
    deploymentFailure();

    assertThat(read(Path.of(System.getProperty("wlp.home"), "usr", "servers", "arqtel", "logs", "messages.log")))
        .contains("CWWKZ0002E: An exception occurred while starting the application " + NAME)
        .contains(MESSAGE)
        .contains("remove the mpTelemetry feature")
        .doesNotContain(WELD_AMBIGUOUS);
  }
}
