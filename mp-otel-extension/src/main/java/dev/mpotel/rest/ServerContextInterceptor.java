package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Makes the server span current while an asynchronous resource method ({@code @Suspended AsyncResponse}
 * or a {@code CompletionStage} result) runs, and closes that scope when the method returns, on the
 * request thread. The span itself ends when the response is written. Runs before the tracing
 * interceptors, so that {@code @WithSpan} on a resource method is a child of the server span.
 */
@Interceptor
@ServerContextBinding
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ServerContextInterceptor {

  @AroundInvoke
  public Object aroundResource(InvocationContext invocation) throws Exception {
    Context context = ServerContextHandoff.take();
    if (context == null) {
      return invocation.proceed();
    }
    try (Scope ignored = context.makeCurrent()) {
      return invocation.proceed();
    } finally {
      ClientExchange.endFailedOnThisThread();
    }
  }
}
