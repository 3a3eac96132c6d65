package dev.mpotel.metrics;

import dev.mpotel.Timed;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** mp-otel's {@link Timed}. */
@Timed
@Interceptor
@Priority(MetricsPriority.VALUE)
public class TimedInterceptor {

  private final MethodMetrics metrics;

  @Inject
  public TimedInterceptor(MethodMetrics metrics) {
    this.metrics = metrics;
  }

  @AroundInvoke
  public Object time(InvocationContext context) throws Exception {
    return metrics.timed(context.getMethod()).invoke(context);
  }
}
