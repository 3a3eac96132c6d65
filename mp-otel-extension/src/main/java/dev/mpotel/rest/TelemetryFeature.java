package dev.mpotel.rest;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers the server filters or the client filter, whichever fits; on a Jersey server also Jersey's hook around
 * resource methods ({@link JerseyResourceMethodScope}), on a Jersey client Jersey's hooks for failed connections
 * ({@link JerseyClientFailures}) and for the caller's context ({@link JerseyCallerContext}). Found through
 * {@code META-INF/services/jakarta.ws.rs.core.Feature} by runtimes that implement Jakarta REST 3.1's
 * service discovery (Jersey, and RESTEasy 6.2 on the server only); RESTEasy's client reads
 * {@code META-INF/services/jakarta.ws.rs.ext.Providers} only (see {@link RestEasyGlobalFactory}).
 * Registering twice is harmless: a filter already registered is skipped.
 */
public class TelemetryFeature implements Feature {

  private static final String JERSEY_POST_INVOCATION_SPI = "org.glassfish.jersey.client.spi.PostInvocationInterceptor";
  private static final String JERSEY_APPLICATION_EVENT_SPI = "org.glassfish.jersey.server.monitoring.ApplicationEventListener";

  @Override
  public boolean configure(FeatureContext context) {
    Configuration configuration = context.getConfiguration();
    if (configuration.getRuntimeType() == RuntimeType.SERVER) {
      if (!configuration.isRegistered(ServerSpanFilter.class)) {
        context.register(ServerSpanFilter.class);
      }
      if (!configuration.isRegistered(ServerRouteFilter.class)) {
        context.register(ServerRouteFilter.class);
      }
      if (isJerseyServer(configuration) && !configuration.isRegistered(JerseyResourceMethodScope.class)) {
        context.register(JerseyResourceMethodScope.class);
      }
      return true;
    }
    if (!configuration.isRegistered(ClientSpanFilter.class)) {
      context.register(ClientSpanFilter.class);
    }
    if (isJerseyClient(configuration)) {
      if (!configuration.isRegistered(JerseyClientFailures.class)) {
        context.register(JerseyClientFailures.class);
      }
      if (!configuration.isRegistered(JerseyCallerContext.class)) {
        context.register(JerseyCallerContext.class);
      }
    }
    return true;
  }

  /** A Jersey client whose failure hook this class's loader can see (never true on RESTEasy). */
  static boolean isJerseyClient(Configuration configuration) {
    return isJersey(configuration, JERSEY_POST_INVOCATION_SPI);
  }

  /** A Jersey server whose event listener SPI this class's loader can see (never true on RESTEasy). */
  static boolean isJerseyServer(Configuration configuration) {
    return isJersey(configuration, JERSEY_APPLICATION_EVENT_SPI);
  }

  private static boolean isJersey(Configuration configuration, String spi) {
    if (!configuration.getClass().getName().startsWith("org.glassfish.jersey.")) {
      return false;
    }
    try {
      Class.forName(spi, false, TelemetryFeature.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
