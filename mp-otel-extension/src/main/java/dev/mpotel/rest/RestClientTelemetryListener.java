package dev.mpotel.rest;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Adds the client span filter and the async context propagation ({@link RestClientContextPropagation}) to
 * every MicroProfile Rest Client (and on Jersey's, the failed-connection hook {@link JerseyClientFailures});
 * found through {@code META-INF/services/org.eclipse.microprofile.rest.client.spi.RestClientListener}.
 *
 * <p>RESTEasy's MicroProfile Rest Client 3 (WildFly) gets no {@link RestClientContextPropagation}: it turns
 * every {@code AsyncInvocationInterceptorFactory} into one of RESTEasy's thread contexts and stores it in the
 * context data of the thread that builds the client. Built outside a Jakarta REST request (a servlet, a
 * startup bean, a scheduled job), that context data is never cleared: the factory, and with it the
 * application's class loader, stays on the server's thread, one more for every client built, and a later
 * request of another application on that thread calls into it (after an undeploy: {@code
 * NoClassDefFoundError}, and the request fails). There, inside Jakarta REST requests, the request's own
 * carrier {@link RestEasyThreadContext} carries the context to async calls.
 */
public class RestClientTelemetryListener implements RestClientListener {

  /** The class through which RESTEasy's MicroProfile Rest Client 3 keeps interceptor factories per thread. */
  static final String RESTEASY_THREAD_CONTEXT_INTERCEPTORS = "org.jboss.resteasy.microprofile.client.async.AsyncInvocationInterceptorThreadContext";

  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    if (!builder.getConfiguration().isRegistered(ClientSpanFilter.class)) {
      builder.register(ClientSpanFilter.class);
    }
    if (!keepsInterceptorFactoriesOnTheThread(builder) && !builder.getConfiguration().isRegistered(RestClientContextPropagation.class)) {
      builder.register(RestClientContextPropagation.class);
    }
    if (TelemetryFeature.isJerseyClient(builder.getConfiguration()) && !builder.getConfiguration().isRegistered(JerseyClientFailures.class)) {
      builder.register(JerseyClientFailures.class);
    }
  }

  /** Whether this builder is RESTEasy's that stores interceptor factories in the building thread's context data. */
  static boolean keepsInterceptorFactoriesOnTheThread(RestClientBuilder builder) {
    Class<?> type = builder.getClass();
    if (!type.getName().startsWith("org.jboss.resteasy.")) {
      return false;
    }
    try {
      Class.forName(RESTEASY_THREAD_CONTEXT_INTERCEPTORS, false, type.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
