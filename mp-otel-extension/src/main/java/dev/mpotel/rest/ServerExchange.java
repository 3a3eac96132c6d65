package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One traced server request, kept in the request's properties: its span's context and, for a
 * synchronous resource, the scope opened on the request thread. The span ends exactly once; until then it counts
 * among its instrumentation's {@link OpenServerSpans}, which the container's end waits for.
 */
final class ServerExchange {

  private final HttpInstrumentation http;
  private final ServerRequest request;
  private final Context context;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean handedOff = new AtomicBoolean();
  private Scope scope;
  private Thread scopeThread;

  ServerExchange(HttpInstrumentation http, ServerRequest request, Context context) {
    this.http = http;
    this.request = request;
    this.context = context;
    http.openServerSpans().started();
  }

  Context context() {
    return context;
  }

  ServerRequest request() {
    return request;
  }

  /** Makes the span current on this thread until {@link #closeScope()} on the same thread. */
  void openScope() {
    scope = context.makeCurrent();
    scopeThread = Thread.currentThread();
  }

  /** Closes the scope if this thread opened it; on any other thread it does nothing. */
  boolean closeScope() {
    if (scope == null || scopeThread != Thread.currentThread()) {
      return false;
    }
    Scope open = scope;
    scope = null;
    scopeThread = null;
    open.close();
    return true;
  }

  /** The scope moves to the resource method, which {@link #takeHandOff()} once. */
  void handOff() {
    handedOff.set(true);
  }

  /**
   * The context to make current around an asynchronous resource method, once: {@code null} when it was
   * not handed off or was already taken.
   */
  Context takeHandOff() {
    return handedOff.compareAndSet(true, false) ? context : null;
  }

  void end(ContainerResponseContext response, Throwable error) {
    if (ended.compareAndSet(false, true)) {
      try {
        http.server().end(context, request, response, error);
      } finally {
        http.openServerSpans().ended();
      }
    }
  }
}
