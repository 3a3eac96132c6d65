package dev.mpotel.metrics;

import jakarta.interceptor.Interceptor;

/** Metrics run inside tracing, so that exemplars point at the method's span. */
final class MetricsPriority {

  static final int VALUE = Interceptor.Priority.LIBRARY_BEFORE + 200;

  private MetricsPriority() {}
}
