package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jboss.resteasy.spi.concurrent.ThreadContext;

/**
 * RESTEasy runs {@code async()} client invocations, filters included, on its own executor: this carries
 * the caller's context there, so that the client span is a child of the caller's span. The scope is
 * opened and closed on the executor thread around the task; client spans the task started without
 * getting a response (the connection failed) end when it is over. Loaded only by RESTEasy, through
 * {@code META-INF/services/org.jboss.resteasy.spi.concurrent.ThreadContext}.
 */
public class RestEasyContextPropagation implements ThreadContext<Context> {

  private static final ThreadLocal<Deque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

  @Override
  public Context capture() {
    return Context.current();
  }

  @Override
  public void push(Context context) {
    SCOPES.get().push(context.makeCurrent());
    ClientExchange.taskStarted();
  }

  @Override
  public void reset(Context context) {
    Deque<Scope> scopes = SCOPES.get();
    try {
      ClientExchange.taskEnded();
    } finally {
      Scope scope = scopes.poll();
      if (scopes.isEmpty()) {
        SCOPES.remove();
      }
      if (scope != null) {
        scope.close();
      }
    }
  }
}
