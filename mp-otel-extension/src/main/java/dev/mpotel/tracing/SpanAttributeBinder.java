package dev.mpotel.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the parameters annotated {@code @SpanAttribute} into span attributes: the annotation's value
 * names the attribute, else the parameter's name when compiled with {@code -parameters}. Numbers,
 * booleans and strings keep their type; {@code null} is left out; anything else becomes its string.
 */
final class SpanAttributeBinder {

  static final SpanAttributeBinder NONE = new SpanAttributeBinder(new int[0], new String[0]);

  private final int[] indexes;
  private final String[] names;

  private SpanAttributeBinder(int[] indexes, String[] names) {
    this.indexes = indexes;
    this.names = names;
  }

  static SpanAttributeBinder of(Method method) {
    Parameter[] parameters = method.getParameters();
    List<Integer> indexes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      SpanAttribute annotation = parameters[i].getAnnotation(SpanAttribute.class);
      if (annotation == null) {
        continue;
      }
      String name = annotation.value().isEmpty() && parameters[i].isNamePresent() ? parameters[i].getName() : annotation.value();
      if (!name.isEmpty()) {
        indexes.add(i);
        names.add(name);
      }
    }
    if (indexes.isEmpty()) {
      return NONE;
    }
    return new SpanAttributeBinder(indexes.stream().mapToInt(Integer::intValue).toArray(), names.toArray(new String[0]));
  }

  void bind(SpanBuilder builder, Object[] arguments) {
    for (int i = 0; i < indexes.length; i++) {
      Object value = arguments[indexes[i]];
      if (value != null) {
        set(builder, names[i], value);
      }
    }
  }

  private static void set(SpanBuilder builder, String name, Object value) {
    if (value instanceof String) {
      builder.setAttribute(name, (String) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      builder.setAttribute(name, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      builder.setAttribute(name, ((Number) value).doubleValue());
    } else if (value instanceof Boolean) {
      builder.setAttribute(name, (Boolean) value);
    } else if (value instanceof Collection) {
      List<String> strings = new ArrayList<>();
      ((Collection<?>) value).forEach(element -> strings.add(String.valueOf(element)));
      builder.setAttribute(AttributeKey.stringArrayKey(name), strings);
    } else {
      builder.setAttribute(name, String.valueOf(value));
    }
  }
}
