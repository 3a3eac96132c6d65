package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An unmodified Payara (only bound to loopback) and the war without {@code WEB-INF/glassfish-web.xml}: Payara's
 * MicroProfile Telemetry beans meet mp-otel's, and mp-otel must stop the deployment with its own message naming
 * the descriptor, not with Weld's raw ambiguous-dependency error.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraStockConflictTest {

  static final String NAME = "conflict";

  @ArquillianResource Deployer deployer;

  @Deployment(name = NAME, managed = false, testable = false)
  static WebArchive deployment() {
    return SampleApp.war(NAME);
  }

  @Test
  void deploymentFailsWithMpOtelsMessageNamingTheDescriptor() throws IOException {
    assertThatThrownBy(() -> deployer.deploy(NAME))
        .hasStackTraceContaining("mp-otel: the platform already provides OpenTelemetry beans");

    String serverLog = Files.readString(Path.of(System.getProperty("payara.stock.home"),
        "glassfish", "domains", "domain1", "logs", "server.log"), StandardCharsets.UTF_8);
    assertThat(serverLog)
        .contains("mp-otel: the platform already provides OpenTelemetry beans")
        .contains("<class-loader delegate=\"false\"/>")
        .doesNotContain("WELD-001409");
  }
}
