package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A server whose own MicroProfile Telemetry meets mp-otel in the sample war, deployed without the server's
 * descriptor: mp-otel must stop the deployment with its own message naming the fix, not with Weld's raw
 * ambiguous-dependency error ({@link #WELD_AMBIGUOUS}). The subclass names the server and checks the fix.
 */
abstract class PlatformTelemetryConflict {

  static final String NAME = "conflict";
  static final String MESSAGE = "mp-otel: the platform already provides OpenTelemetry beans";
  static final String WELD_AMBIGUOUS = "WELD-001409";

  @ArquillianResource Deployer deployer;

  @Deployment(name = NAME, managed = false, testable = false)
  static WebArchive deployment() {
    return SampleApp.war(NAME);
  }

  /** Deploys the war, which must fail, and returns what the deployer threw. */
  Throwable deploymentFailure() {
    Throwable thrown = catchThrowable(() -> deployer.deploy(NAME));
    assertThat(thrown).as("the deployment of the war without the server's descriptor fails").isNotNull();
    return thrown;
  }

  static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
