package dev.mpotel.cdi;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.util.AnnotationLiteral;

/** {@code @WithSpan} as a value, to bind the interceptor to it (all members are non-binding). */
final class WithSpanBinding extends AnnotationLiteral<WithSpan> implements WithSpan {

  static final WithSpanBinding INSTANCE = new WithSpanBinding();
  private static final long serialVersionUID = 1L;

  @Override
  public String value() {
    return "";
  }

  @Override
  public SpanKind kind() {
    return SpanKind.INTERNAL;
  }

  @Override
  public boolean inheritContext() {
    return true;
  }
}
