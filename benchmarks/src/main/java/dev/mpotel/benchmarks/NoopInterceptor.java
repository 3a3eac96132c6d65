package dev.mpotel.benchmarks;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * An interceptor that does nothing but proceed. Not part of mp-otel: it measures what Weld's interception
 * machinery alone costs per call, so that the {@code @WithSpan} overhead can be split into "Weld" and
 * "mp-otel's interceptor code".
 */
@Noop
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class NoopInterceptor {

  @AroundInvoke
  public Object proceed(InvocationContext context) throws Exception {
    return context.proceed();
  }
}
