package dev.mpotel.rest;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code http.route} of a resource method: the application's base path (context root and
 * {@code @ApplicationPath}) followed by the class and method {@code @Path} templates, with template
 * regular expressions left out ({@code {id: \d+}} becomes {@code {id}}).
 */
final class Routes {

  private static final Pattern REGEX_VARIABLE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*:[^}]*}");

  /**
   * Per resource method: the last route made of it, with its template; a method is almost always served under one
   * base path, so that the route is a lookup, not a new string, on each request.
   */
  private final Map<Method, Route> routes = new ConcurrentHashMap<>();

  String route(String basePath, Class<?> resourceClass, Method resourceMethod) {
    String base = basePath == null ? "" : basePath;
    Route last = routes.get(resourceMethod);
    boolean sameClass = last != null && last.resourceClass == resourceClass;
    if (sameClass && last.basePath.equals(base)) {
      return last.route;
    }
    // A method inherited by two resource classes has a template per class.
    String template = sameClass ? last.template : template(resourceClass, resourceMethod);
    Route made = new Route(resourceClass, base, template, join(base, template));
    routes.put(resourceMethod, made);
    return made.route;
  }

  private static String join(String basePath, String template) {
    StringBuilder route = new StringBuilder(basePath);
    while (route.length() > 0 && route.charAt(route.length() - 1) == '/') {
      route.setLength(route.length() - 1);
    }
    route.append(template);
    return route.length() == 0 ? "/" : route.toString();
  }

  private static final class Route {
    final Class<?> resourceClass;
    final String basePath;
    final String template;
    final String route;

    Route(Class<?> resourceClass, String basePath, String template, String route) {
      this.resourceClass = resourceClass;
      this.basePath = basePath;
      this.template = template;
      this.route = route;
    }
  }

  static String template(Class<?> resourceClass, Method resourceMethod) {
    StringBuilder template = new StringBuilder();
    append(template, classPath(resourceClass != null ? resourceClass : resourceMethod.getDeclaringClass()));
    append(template, methodPath(resourceMethod));
    return REGEX_VARIABLE.matcher(template).replaceAll("{$1}");
  }

  private static Path classPath(Class<?> type) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      Path path = current.getAnnotation(Path.class);
      if (path != null) {
        return path;
      }
      for (Class<?> contract : current.getInterfaces()) {
        Path onInterface = contract.getAnnotation(Path.class);
        if (onInterface != null) {
          return onInterface;
        }
      }
    }
    return null;
  }

  private static Path methodPath(Method method) {
    Path path = method.getAnnotation(Path.class);
    if (path != null) {
      return path;
    }
    for (Class<?> current = method.getDeclaringClass(); current != null; current = current.getSuperclass()) {
      Path found = declared(current, method);
      if (found != null) {
        return found;
      }
      for (Class<?> contract : current.getInterfaces()) {
        found = declared(contract, method);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Path declared(Class<?> type, Method method) {
    try {
      return type.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(Path.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static void append(StringBuilder template, Path path) {
    if (path == null) {
      return;
    }
    String value = path.value().trim();
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    if (start < end) {
      template.append('/').append(value, start, end);
    }
  }
}
