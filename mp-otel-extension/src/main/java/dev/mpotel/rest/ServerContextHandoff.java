package dev.mpotel.rest;

import io.opentelemetry.context.Context;

/**
 * Hands the server span's context from the request filter to {@link ServerContextInterceptor} on the
 * same thread, for resource methods that complete asynchronously: the interceptor makes it current
 * around the method and closes that scope on the thread that opened it, however the response is later
 * written. On Jersey, {@link JerseyResourceMethodScope} takes it first, which also covers resource
 * classes that Jersey creates without CDI.
 */
final class ServerContextHandoff {

  private static final ThreadLocal<Context> PENDING = new ThreadLocal<>();

  private ServerContextHandoff() {}

  static void offer(Context context) {
    PENDING.set(context);
  }

  /** The context offered on this thread, removed so that it is used once. */
  static Context take() {
    Context context = PENDING.get();
    if (context != null) {
      PENDING.remove();
    }
    return context;
  }

  static void clear() {
    PENDING.remove();
  }
}
