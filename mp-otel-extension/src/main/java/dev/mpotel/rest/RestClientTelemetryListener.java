package dev.mpotel.rest;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Adds the client span filter and the async context propagation ({@link RestClientContextPropagation}) to
 * every MicroProfile Rest Client, whatever the implementation (and on
 * Jersey's, the failed-connection hook {@link JerseyClientFailures}); found
 * through {@code META-INF/services/org.eclipse.microprofile.rest.client.spi.RestClientListener}.
 */
public class RestClientTelemetryListener implements RestClientListener {

  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    if (!builder.getConfiguration().isRegistered(ClientSpanFilter.class)) {
      builder.register(ClientSpanFilter.class);
    }
    if (!builder.getConfiguration().isRegistered(RestClientContextPropagation.class)) {
      builder.register(RestClientContextPropagation.class);
    }
    if (TelemetryFeature.isJerseyClient(builder.getConfiguration()) && !builder.getConfiguration().isRegistered(JerseyClientFailures.class)) {
      builder.register(JerseyClientFailures.class);
    }
  }
}
