package dev.mpotel.tracing;

import jakarta.interceptor.Interceptor;

/** Tracing runs outside metrics, so that exemplars and errors recorded by metrics see the span. */
final class TracingPriority {

  static final int VALUE = Interceptor.Priority.LIBRARY_BEFORE + 100;

  private TracingPriority() {}
}
