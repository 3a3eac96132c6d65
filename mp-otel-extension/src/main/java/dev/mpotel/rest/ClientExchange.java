package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One traced client request. Its span ends exactly once: from the response filter when a response
 * arrives, or, when the connection fails and no response filter ever runs (Jakarta REST has no portable
 * hook for that), as soon as the thread that made the call shows that the call is over: the async client
 * task ends, the enclosing server request or async resource method ends, or the thread starts its next
 * client request. Its status is then ERROR with {@code error.type} {@link NoResponseException}.
 */
final class ClientExchange {

  /** Exchanges started on this thread whose response has not been seen yet (set to null, not removed: see ServerSpanFilter). */
  private static final ThreadLocal<List<ClientExchange>> STARTED_ON_THIS_THREAD = new ThreadLocal<>();
  /** How many async client tasks ({@link RestEasyThreadContext}, {@link RestClientContextPropagation}) run on this thread. */
  private static final ThreadLocal<int[]> TASKS = new ThreadLocal<>();

  private final HttpInstrumentation http;
  private final ClientRequestContext request;
  private final Context context;
  private final AtomicBoolean ended = new AtomicBoolean();

  private ClientExchange(HttpInstrumentation http, ClientRequestContext request, Context context) {
    this.http = http;
    this.request = request;
    this.context = context;
  }

  static ClientExchange started(HttpInstrumentation http, ClientRequestContext request, Context context) {
    ClientExchange exchange = new ClientExchange(http, request, context);
    List<ClientExchange> started = STARTED_ON_THIS_THREAD.get();
    if (started != null) {
      started.removeIf(e -> e.ended.get());
      if (TASKS.get() == null) {
        // Outside an async task, filters and response run on the caller's thread: an earlier request
        // of this thread that is still open never got its response.
        for (ClientExchange failed : List.copyOf(started)) {
          failed.end(null, new NoResponseException());
        }
      }
      started = STARTED_ON_THIS_THREAD.get();
    }
    if (started == null) {
      started = new ArrayList<>(2);
      STARTED_ON_THIS_THREAD.set(started);
    }
    started.add(exchange);
    return exchange;
  }

  /** An async client task starts on this thread. */
  static void taskStarted() {
    int[] depth = TASKS.get();
    if (depth == null) {
      TASKS.set(new int[] {1});
    } else {
      depth[0]++;
    }
  }

  /** The async client task is over: what it started without a response failed. */
  static void taskEnded() {
    try {
      endFailedOnThisThread();
    } finally {
      int[] depth = TASKS.get();
      if (depth != null && --depth[0] <= 0) {
        TASKS.set(null);
      }
    }
  }

  void end(ClientResponseContext response, Throwable error) {
    if (ended.compareAndSet(false, true)) {
      List<ClientExchange> started = STARTED_ON_THIS_THREAD.get();
      if (started != null && started.remove(this) && started.isEmpty()) {
        STARTED_ON_THIS_THREAD.set(null);
      }
      http.client().end(context, request, response, error);
    }
  }

  /**
   * Ends, as failed, the client spans this thread started and no response ended: the request never got
   * a response (connection refused, timeout, unknown host). Called when the work that made the calls is
   * over on this thread: the enclosing server request, or the task of an async client invocation.
   */
  static void endFailedOnThisThread() {
    List<ClientExchange> started = STARTED_ON_THIS_THREAD.get();
    if (started == null) {
      return;
    }
    STARTED_ON_THIS_THREAD.set(null);
    for (ClientExchange exchange : started) {
      exchange.end(null, new NoResponseException());
    }
  }

  /** Recorded on a client span whose request never got a response. */
  static final class NoResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoResponseException() {
      super("no response: the connection failed or the request was abandoned", null, false, false);
    }
  }
}
