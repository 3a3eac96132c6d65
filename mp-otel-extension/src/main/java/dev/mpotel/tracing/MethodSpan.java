package dev.mpotel.tracing;

import dev.mpotel.cdi.Completion;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.interceptor.InvocationContext;

/**
 * How one intercepted method is traced, worked out once per method: the span name, kind, parent rule
 * and parameter attributes. {@link #invoke} is the per-call path and does nothing it can do earlier.
 */
final class MethodSpan {

  /** A method that is not traced (not a business method, or traced by another binding). */
  static final MethodSpan UNTRACED = new MethodSpan(null, SpanKind.INTERNAL, true, SpanAttributeBinder.NONE, false);

  private final String name;
  private final SpanKind kind;
  private final boolean inheritContext;
  private final SpanAttributeBinder attributes;
  private final boolean async;

  MethodSpan(String name, SpanKind kind, boolean inheritContext, SpanAttributeBinder attributes, boolean async) {
    this.name = name;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.attributes = attributes;
    this.async = async;
  }

  String name() {
    return name;
  }

  SpanKind kind() {
    return kind;
  }

  /**
   * Runs the method inside its span: a child of the current span, current while the method runs on this
   * thread, ended exactly once when its work is done. An exception is recorded, sets status ERROR and is
   * rethrown unchanged.
   */
  Object invoke(Tracer tracer, InvocationContext context) throws Exception {
    if (name == null) {
      return context.proceed();
    }
    SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
    if (!inheritContext) {
      builder.setNoParent();
    }
    if (attributes != SpanAttributeBinder.NONE) {
      attributes.bind(builder, context.getParameters()); // an implementation may copy the arguments
    }
    Span span = builder.startSpan();
    Object result;
    try (Scope ignored = span.makeCurrent()) {
      result = context.proceed();
    } catch (Throwable error) {
      end(span, error);
      throw error;
    }
    if (async) {
      return Completion.whenComplete(result, error -> end(span, error));
    }
    span.end();
    return result;
  }

  private static void end(Span span, Throwable error) {
    if (error != null) {
      span.setStatus(StatusCode.ERROR);
      span.recordException(error);
    }
    span.end();
  }
}
