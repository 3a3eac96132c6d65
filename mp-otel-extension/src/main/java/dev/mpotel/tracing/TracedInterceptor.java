package dev.mpotel.tracing;

import dev.mpotel.Traced;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** mp-otel's {@link Traced}: a span for every business method it covers. */
@Traced
@Interceptor
@Priority(TracingPriority.VALUE)
public class TracedInterceptor {

  private final Tracer tracer;
  private final MethodSpans spans;

  @Inject
  public TracedInterceptor(Tracer tracer, MethodSpans spans) {
    this.tracer = tracer;
    this.spans = spans;
  }

  @AroundInvoke
  public Object trace(InvocationContext context) throws Exception {
    return spans.traced(context.getMethod()).invoke(tracer, context);
  }
}
