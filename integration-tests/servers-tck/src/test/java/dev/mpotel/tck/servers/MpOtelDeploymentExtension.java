package dev.mpotel.tck.servers;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registered in {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension} of the test class path:
 * every TCK deployment passes through {@link MpOtelArchiveProcessor} before it reaches the server.
 */
public class MpOtelDeploymentExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.service(ApplicationArchiveProcessor.class, MpOtelArchiveProcessor.class);
  }
}
