package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Jersey's events around the resource method, which it fires on the thread that runs the method: makes the
 * server span current while an asynchronous resource method runs, and closes that scope when the method
 * returns, as {@link ServerContextInterceptor} does for resource classes that are CDI beans.
 *
 * <p>Jersey instantiates a resource class that is not a CDI bean itself, and no CDI interceptor runs on
 * it. That is the case of every root resource class without a bean-defining annotation in an archive
 * without {@code beans.xml} (Payara: a war whose {@code beans.xml} is missing or misplaced, such as the
 * TCK's), where RESTEasy on WildFly would still make it a bean. It is also the only hook on the thread of a
 * {@code @ManagedAsync} method, which Jersey runs on its managed executor. This listener takes the context that
 * {@link ServerRouteFilter} hands off (kept in the request's {@link ServerExchange}) at {@code RESOURCE_METHOD_START},
 * before any interceptor of the resource could, so that the context is made current once whichever way
 * the resource was created. Registered by {@link TelemetryFeature} on Jersey servers only (Payara); the
 * class is never loaded elsewhere, since it needs Jersey's server monitoring SPI.
 */
public final class JerseyResourceMethodScope implements ApplicationEventListener {

  @Override
  public void onEvent(ApplicationEvent event) {
    // Nothing to do for the application's life cycle.
  }

  @Override
  public RequestEventListener onRequest(RequestEvent requestEvent) {
    return new MethodScope();
  }

  /** One request's listener: the scope opened at the method's start, closed when it returns. */
  static final class MethodScope implements RequestEventListener {

    private Scope scope;

    @Override
    public void onEvent(RequestEvent event) {
      switch (event.getType()) {
        case RESOURCE_METHOD_START:
          start(event.getContainerRequest().getProperty(ServerSpanFilter.EXCHANGE));
          break;
        case RESOURCE_METHOD_FINISHED:
          finish();
          break;
        default:
          break;
      }
    }

    /**
     * Takes the handed-off context from the request, not from the thread: a {@code @ManagedAsync} method
     * runs on Jersey's executor, where nothing of the request thread is found.
     */
    void start(Object exchange) {
      ServerContextHandoff.clear();
      Context context = exchange instanceof ServerExchange ? ((ServerExchange) exchange).takeHandOff() : null;
      if (context != null && scope == null) {
        scope = context.makeCurrent();
      }
    }

    /** Jersey fires this in a {@code finally} on the thread that fired the start. */
    void finish() {
      Scope open = scope;
      if (open == null) {
        return;
      }
      scope = null;
      try {
        open.close();
      } finally {
        ClientExchange.endFailedOnThisThread();
      }
    }
  }
}
