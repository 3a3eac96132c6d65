package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client span of every Jakarta REST {@code Client} and MicroProfile Rest Client request, with the
 * propagation headers of the configured propagators. It opens no scope: the span's context goes into
 * the headers and the request's properties only.
 */
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(Priorities.HEADER_DECORATOR + 1000)
public class ClientSpanFilter implements ClientRequestFilter, ClientResponseFilter {

  static final String EXCHANGE = ClientSpanFilter.class.getName() + ".exchange";
  /** The context where the request was built, kept by a runtime hook ({@link JerseyCallerContext}). */
  static final String CALLER_CONTEXT = ClientSpanFilter.class.getName() + ".caller";

  private static final AtomicBoolean START_FAILED = new AtomicBoolean();
  private static final AtomicBoolean END_FAILED = new AtomicBoolean();

  private final InstrumentationLookup lookup = new InstrumentationLookup();

  @Override
  public void filter(ClientRequestContext requestContext) {
    if (requestContext.getProperty(EXCHANGE) != null) {
      return; // registered twice (for example through both the Providers file and a Feature)
    }
    try {
      HttpInstrumentation http = lookup.get();
      if (http == null) {
        return;
      }
      Context parent = parent(requestContext);
      if (!http.client().shouldStart(parent, requestContext)) {
        return;
      }
      Context context = http.client().start(parent, requestContext);
      requestContext.setProperty(EXCHANGE, ClientExchange.started(http, requestContext, context));
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(START_FAILED, "start a client span", e);
    }
  }

  /**
   * The span current here or, on a thread where none is (the executor of an {@code async()} request), the
   * context in which the request was built, when the runtime let mp-otel keep it.
   */
  private static Context parent(ClientRequestContext requestContext) {
    Context current = Context.current();
    if (current == Context.root()) {
      Object caller = requestContext.getProperty(CALLER_CONTEXT);
      if (caller instanceof Context) {
        return (Context) caller;
      }
    }
    return current;
  }

  @Override
  public void filter(ClientRequestContext requestContext, ClientResponseContext responseContext) {
    Object exchange = requestContext.getProperty(EXCHANGE);
    if (!(exchange instanceof ClientExchange)) {
      return;
    }
    requestContext.removeProperty(EXCHANGE);
    try {
      ((ClientExchange) exchange).end(responseContext, null);
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(END_FAILED, "end a client span", e);
    }
  }
}
