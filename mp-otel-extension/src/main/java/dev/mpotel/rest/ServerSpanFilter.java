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
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.Suspended;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server span of every Jakarta REST request, matched or not, with {@code http.server.request.duration}.
 *
 * <p>This pre-matching request filter starts the span as a child of the incoming {@code traceparent} (and
 * makes the incoming baggage current) and makes it current on the request thread; a request that matches
 * no resource keeps the name {@code {method}} and no {@code http.route}, as the semantic conventions say.
 * Once a resource method is matched, {@link ServerRouteFilter} adds the route and, for an asynchronous
 * method, moves the scope to {@link ServerContextInterceptor} (or, on Jersey, {@link JerseyResourceMethodScope}, which
 * also covers {@code @ManagedAsync} methods that run on another thread). The response filter, which runs on the
 * request thread for a synchronous response, closes the scope, and ends the span on whatever thread
 * writes the response. No scope ever crosses a thread.
 */
@PreMatching
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.AUTHENTICATION - 1000)
public class ServerSpanFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String EXCHANGE = ServerSpanFilter.class.getName() + ".exchange";

  /**
   * The exchange whose scope this thread's request filter opened, for the response filter to close. Like mp-otel's
   * other per-request thread locals, it is set to {@code null} when done, never removed: a request thread would
   * otherwise remove its entry and add it again (a new entry, and a clean-up pass over the thread's map of thread
   * locals) on every request. A {@code null} value keeps nothing of the application alive.
   */
  private static final ThreadLocal<ServerExchange> OPEN_ON_THIS_THREAD = new ThreadLocal<>();
  private static final AtomicBoolean START_FAILED = new AtomicBoolean();
  private static final AtomicBoolean END_FAILED = new AtomicBoolean();

  private final InstrumentationLookup lookup = new InstrumentationLookup();

  @Override
  public void filter(ContainerRequestContext requestContext) {
    closeLeftover();
    ServerContextHandoff.clear();
    try {
      HttpInstrumentation http = lookup.get();
      if (http == null) {
        return;
      }
      RestEasyThreadContext.addToCurrentRequest(requestContext);
      ServerRequest request = ServerRequest.of(requestContext);
      if (http.excluded(request.pathInApplication(), request.path())) {
        return;
      }
      io.opentelemetry.context.Context parent = io.opentelemetry.context.Context.current();
      if (!http.server().shouldStart(parent, request)) {
        return;
      }
      ServerExchange exchange = new ServerExchange(http, request, http.server().start(parent, request));
      requestContext.setProperty(EXCHANGE, exchange);
      exchange.openScope();
      OPEN_ON_THIS_THREAD.set(exchange);
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(START_FAILED, "start a server span", e);
    }
  }

  /**
   * The matched resource method completes asynchronously: its scope moves from this request thread to
   * {@link ServerContextInterceptor} or {@link JerseyResourceMethodScope}, whichever runs first, which
   * opens it around the method. The interceptor finds it on this thread, only when the method runs on
   * it ({@code onThisThread}); Jersey's listener finds it in the request, on whatever thread the method runs.
   */
  static void handOffToAsyncMethod(ServerExchange exchange, boolean onThisThread) {
    if (exchange.closeScope()) {
      OPEN_ON_THIS_THREAD.set(null);
    }
    exchange.handOff();
    if (onThisThread) {
      ServerContextHandoff.offer(exchange);
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
        OPEN_ON_THIS_THREAD.set(null);
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
      OPEN_ON_THIS_THREAD.set(null);
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
