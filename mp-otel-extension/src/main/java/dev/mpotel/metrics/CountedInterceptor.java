package dev.mpotel.metrics;

import dev.mpotel.Counted;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** mp-otel's {@link Counted}. */
@Counted
@Interceptor
@Priority(MetricsPriority.VALUE)
public class CountedInterceptor {

  private final MethodMetrics metrics;

  @Inject
  public CountedInterceptor(MethodMetrics metrics) {
    this.metrics = metrics;
  }

  @AroundInvoke
  public Object count(InvocationContext context) throws Exception {
    return metrics.counted(context.getMethod()).invoke(context);
  }
}
