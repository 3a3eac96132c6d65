package dev.mpotel.rest;

import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs once a resource method is matched: gives the server span that {@link ServerSpanFilter} started
 * its {@code http.route} (context root, application path and {@code @Path} template) and the name
 * {@code {method} {route}}, which {@code http.server.request.duration} also carries; for an asynchronous
 * method (including Jersey's {@code @ManagedAsync}), hands the span's context to
 * {@link ServerContextInterceptor} or {@link JerseyResourceMethodScope}.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.AUTHENTICATION - 1000)
public class ServerRouteFilter implements ContainerRequestFilter {

  private static final AtomicBoolean FAILED = new AtomicBoolean();

  @Context private ResourceInfo resourceInfo;

  private final Routes routes = new Routes();
  private final Map<Method, MethodDispatch> dispatches = new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext requestContext) {
    Object property = requestContext.getProperty(ServerSpanFilter.EXCHANGE);
    if (!(property instanceof ServerExchange)) {
      return;
    }
    try {
      // RESTEasy's own, without the injected proxy in between, where it can be had.
      ResourceInfo matched = RestEasyContextData.resourceInfo(requestContext);
      if (matched == null) {
        matched = resourceInfo;
      }
      Method method = matched == null ? null : matched.getResourceMethod();
      if (method == null) {
        return;
      }
      ServerExchange exchange = (ServerExchange) property;
      String basePath = exchange.request().basePath();
      if (basePath == null) {
        basePath = requestContext.getUriInfo().getBaseUri().getRawPath();
      }
      String route = routes.route(basePath, matched.getResourceClass(), method);
      HttpServerRoute.update(exchange.context(), HttpServerRouteSource.CONTROLLER, route);
      MethodDispatch dispatch = dispatches.computeIfAbsent(method, MethodDispatch::of);
      if (dispatch != MethodDispatch.SYNC) {
        ServerSpanFilter.handOffToAsyncMethod(exchange, dispatch == MethodDispatch.ASYNC);
      }
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(FAILED, "name a server span after its route", e);
    }
  }
}
