package dev.mpotel.rest;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers the server or client filter, whichever fits. Found through
 * {@code META-INF/services/jakarta.ws.rs.core.Feature} by runtimes that implement Jakarta REST 3.1's
 * service discovery (Jersey); RESTEasy reads {@code META-INF/services/jakarta.ws.rs.ext.Providers}.
 * Registering twice is harmless: a filter already registered is skipped.
 */
public class TelemetryFeature implements Feature {

  @Override
  public boolean configure(FeatureContext context) {
    Class<?> filter = context.getConfiguration().getRuntimeType() == RuntimeType.SERVER ? ServerSpanFilter.class : ClientSpanFilter.class;
    if (!context.getConfiguration().isRegistered(filter)) {
      context.register(filter);
    }
    return true;
  }
}
