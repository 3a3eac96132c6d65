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

  private static final ThreadLocal<ServerExchange> PENDING = new ThreadLocal<>();

  private ServerContextHandoff() {}

  static void offer(ServerExchange exchange) {
    PENDING.set(exchange);
  }

  /**
   * The context offered on this thread, removed so that it is used once; {@code null} also when
   * {@link JerseyResourceMethodScope} already took it from the request.
   */
  static Context take() {
    ServerExchange exchange = PENDING.get();
    if (exchange == null) {
      return null;
    }
    PENDING.set(null);
    return exchange.takeHandOff();
  }

  static void clear() {
    if (PENDING.get() != null) {
      PENDING.set(null); // not removed: see ServerSpanFilter's thread local
    }
  }
}
