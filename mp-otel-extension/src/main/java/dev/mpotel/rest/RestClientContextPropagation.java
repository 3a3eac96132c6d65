package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;

/**
 * Carries the caller's OpenTelemetry context to the thread on which a MicroProfile Rest Client runs a method
 * that returns a {@code CompletionStage}, through the specification's own hook, so it works on every
 * implementation (RESTEasy on WildFly and Open Liberty, Jersey on Payara). Registered on every client by
 * {@link RestClientTelemetryListener}.
 *
 * <p>The context is captured on the calling thread, made current on the async thread before the request
 * (and its filters) runs there, and the scope is closed on that thread when the invocation is over; client
 * spans the invocation started without a response (the connection failed) end then ({@link ClientExchange}).
 */
public class RestClientContextPropagation implements AsyncInvocationInterceptorFactory {

  @Override
  public AsyncInvocationInterceptor newInterceptor() {
    return new Interceptor();
  }

  private static final class Interceptor implements AsyncInvocationInterceptor {

    private Context captured;
    private Scope scope;
    private Thread appliedOn;

    @Override
    public void prepareContext() {
      captured = Context.current();
    }

    @Override
    public void applyContext() {
      if (appliedOn != null) {
        return;
      }
      appliedOn = Thread.currentThread();
      // Already current when RESTEasy's request-level carrier (RestEasyThreadContext) ran first: one
      // scope only, so that the closing order does not depend on the order RESTEasy resets them in.
      if (captured != null && Context.current() != captured) {
        scope = captured.makeCurrent();
      }
      ClientExchange.taskStarted();
    }

    @Override
    public void removeContext() {
      if (appliedOn != Thread.currentThread()) {
        return; // never applied here: a scope is closed only on the thread that opened it
      }
      appliedOn = null;
      try {
        ClientExchange.taskEnded();
      } finally {
        if (scope != null) {
          scope.close();
          scope = null;
        }
      }
    }
  }
}
