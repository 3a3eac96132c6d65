package dev.mpotel.cdi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The injected {@code Span}: every call goes to {@link Span#current()} at call time, never to a
 * snapshot, so the bean can be a singleton and needs no request context. Every default method is
 * overridden so that the delegate itself never ends up stored in a {@code Context}.
 */
final class CurrentSpan implements Span {

  static final CurrentSpan INSTANCE = new CurrentSpan();

  private CurrentSpan() {}

  @Override public Span setAttribute(String key, String value) { return Span.current().setAttribute(key, value); }
  @Override public Span setAttribute(String key, long value) { return Span.current().setAttribute(key, value); }
  @Override public Span setAttribute(String key, double value) { return Span.current().setAttribute(key, value); }
  @Override public Span setAttribute(String key, boolean value) { return Span.current().setAttribute(key, value); }
  @Override public Span setAttribute(String key, Value<?> value) { return Span.current().setAttribute(key, value); }
  @Override public <T> Span setAttribute(AttributeKey<T> key, T value) { return Span.current().setAttribute(key, value); }
  @Override public Span setAttribute(AttributeKey<Long> key, int value) { return Span.current().setAttribute(key, value); }
  @Override public Span setAllAttributes(Attributes attributes) { return Span.current().setAllAttributes(attributes); }
  @Override public Span addEvent(String name) { return Span.current().addEvent(name); }
  @Override public Span addEvent(String name, long timestamp, TimeUnit unit) { return Span.current().addEvent(name, timestamp, unit); }
  @Override public Span addEvent(String name, Instant timestamp) { return Span.current().addEvent(name, timestamp); }
  @Override public Span addEvent(String name, Attributes attributes) { return Span.current().addEvent(name, attributes); }
  @Override public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) { return Span.current().addEvent(name, attributes, timestamp, unit); }
  @Override public Span addEvent(String name, Attributes attributes, Instant timestamp) { return Span.current().addEvent(name, attributes, timestamp); }
  @Override public Span setStatus(StatusCode statusCode) { return Span.current().setStatus(statusCode); }
  @Override public Span setStatus(StatusCode statusCode, String description) { return Span.current().setStatus(statusCode, description); }
  @Override public Span recordException(Throwable exception) { return Span.current().recordException(exception); }
  @Override public Span recordException(Throwable exception, Attributes attributes) { return Span.current().recordException(exception, attributes); }
  @Override public Span updateName(String name) { return Span.current().updateName(name); }
  @Override public Span addLink(SpanContext spanContext) { return Span.current().addLink(spanContext); }
  @Override public Span addLink(SpanContext spanContext, Attributes attributes) { return Span.current().addLink(spanContext, attributes); }
  @Override public void end() { Span.current().end(); }
  @Override public void end(long timestamp, TimeUnit unit) { Span.current().end(timestamp, unit); }
  @Override public void end(Instant timestamp) { Span.current().end(timestamp); }
  @Override public SpanContext getSpanContext() { return Span.current().getSpanContext(); }
  @Override public boolean isRecording() { return Span.current().isRecording(); }
  @Override public Context storeInContext(Context context) { return Span.current().storeInContext(context); }
  @Override public Scope makeCurrent() { return Span.current().makeCurrent(); }

  @Override
  public String toString() {
    return "CurrentSpan{" + Span.current() + "}";
  }
}
