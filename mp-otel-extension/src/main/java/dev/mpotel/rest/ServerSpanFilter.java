package dev.mpotel.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server span of every matched Jakarta REST request, with {@code http.server.request.duration}.
 *
 * <p>The request filter starts the span as a child of the incoming {@code traceparent} (and makes the
 * incoming baggage current). For a synchronous resource method it makes the span current on the request
 * thread and the response filter, which runs on that same thread, closes the scope. For an asynchronous
 * one it only hands the context to {@link ServerContextInterceptor}, which opens and closes its scope
 * around the method on the request thread; the response filter then ends the span on whatever thread
 * writes the response. No scope ever crosses a thread.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.AUTHENTICATION - 1000)
public class ServerSpanFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String EXCHANGE = ServerSpanFilter.class.getName() + ".exchange";

  /** The exchange whose scope this thread's request filter opened, for the response filter to close. */
  private static final ThreadLocal<ServerExchange> OPEN_ON_THIS_THREAD = new ThreadLocal<>();
  private static final AtomicBoolean START_FAILED = new AtomicBoolean();
  private static final AtomicBoolean END_FAILED = new AtomicBoolean();

  @Context private ResourceInfo resourceInfo;

  private final InstrumentationLookup lookup = new InstrumentationLookup();
  private final Routes routes = new Routes();

  @Override
  public void filter(ContainerRequestContext requestContext) {
    closeLeftover();
    ServerContextHandoff.clear();
    try {
      HttpInstrumentation http = lookup.get();
      if (http == null) {
        return;
      }
      UriInfo uriInfo = requestContext.getUriInfo();
      String fullPath = uriInfo.getRequestUri().getRawPath();
      String applicationPath = uriInfo.getPath(false);
      if (!applicationPath.startsWith("/")) {
        applicationPath = "/" + applicationPath;
      }
      if (http.excluded(applicationPath, fullPath == null ? "" : fullPath)) {
        return;
      }
      Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
      String route =
          method == null ? null : routes.route(uriInfo.getBaseUri().getRawPath(), resourceInfo.getResourceClass(), method);
      ServerRequest request = new ServerRequest(requestContext, route);
      io.opentelemetry.context.Context parent = io.opentelemetry.context.Context.current();
      if (!http.server().shouldStart(parent, request)) {
        return;
      }
      ServerExchange exchange = new ServerExchange(http, request, http.server().start(parent, request));
      requestContext.setProperty(EXCHANGE, exchange);
      if (method != null && isAsync(method)) {
        ServerContextHandoff.offer(exchange.context());
      } else {
        exchange.openScope();
        OPEN_ON_THIS_THREAD.set(exchange);
      }
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(START_FAILED, "start a server span", e);
    }
  }

  @Override
  public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
    Object property = requestContext.getProperty(EXCHANGE);
    if (!(property instanceof ServerExchange)) {
      return;
    }
    requestContext.removeProperty(EXCHANGE);
    ServerExchange exchange = (ServerExchange) property;
    try {
      if (exchange.closeScope()) {
        OPEN_ON_THIS_THREAD.remove();
        ClientExchange.endFailedOnThisThread();
      }
      exchange.end(responseContext, null);
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(END_FAILED, "end a server span", e);
    }
  }

  /**
   * A request whose response filter never ran on this thread (the runtime gave up on it without a
   * response) left its scope open: close it here, on the thread that opened it, and end its span.
   */
  private static void closeLeftover() {
    ServerExchange leftover = OPEN_ON_THIS_THREAD.get();
    if (leftover != null) {
      OPEN_ON_THIS_THREAD.remove();
      ClientExchange.endFailedOnThisThread();
      leftover.closeScope();
      leftover.end(null, new IllegalStateException("no response was written for this request"));
    }
  }

  /** Whether the method's response is written after it returns: {@code @Suspended} or a stage. */
  static boolean isAsync(Method method) {
    if (CompletionStage.class.isAssignableFrom(method.getReturnType())) {
      return true;
    }
    Class<?>[] types = method.getParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < types.length; i++) {
      if (AsyncResponse.class.equals(types[i])) {
        for (Annotation annotation : annotations[i]) {
          if (annotation.annotationType() == Suspended.class) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
