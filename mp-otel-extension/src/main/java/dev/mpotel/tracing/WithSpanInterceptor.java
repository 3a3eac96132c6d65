package dev.mpotel.tracing;

import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * OpenTelemetry's {@code @WithSpan}, as MicroProfile Telemetry requires. The extension adds the
 * {@code @WithSpan} binding to this class when it registers it, since the annotation cannot be
 * written on a type.
 */
@Interceptor
@Priority(TracingPriority.VALUE)
public class WithSpanInterceptor {

  private final Tracer tracer;
  private final MethodSpans spans;

  @Inject
  public WithSpanInterceptor(Tracer tracer, MethodSpans spans) {
    this.tracer = tracer;
    this.spans = spans;
  }

  @AroundInvoke
  public Object trace(InvocationContext context) throws Exception {
    return spans.withSpan(context.getMethod()).invoke(tracer, context);
  }
}
