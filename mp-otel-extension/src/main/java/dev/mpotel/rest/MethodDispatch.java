package dev.mpotel.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Where and when a resource method's response is written, which decides where the server span's scope
 * goes once the method is matched.
 */
enum MethodDispatch {

  /** The method returns its response on the request thread: the request filter's scope stays open around it. */
  SYNC,

  /**
   * The method runs on the request thread but its response is written later ({@code @Suspended
   * AsyncResponse} or a {@code CompletionStage} result): the scope moves to the method.
   */
  ASYNC,

  /**
   * Jersey's {@code @ManagedAsync}: the method runs on Jersey's managed executor once the request thread
   * has moved on, whatever its signature: the scope moves to the method's thread.
   */
  MANAGED;

  private static final String MANAGED_ASYNC = "org.glassfish.jersey.server.ManagedAsync";

  static MethodDispatch of(Method method) {
    if (isManagedAsync(method)) {
      return MANAGED;
    }
    return ServerSpanFilter.isAsync(method) ? ASYNC : SYNC;
  }

  /**
   * Whether Jersey runs the method on its managed executor: {@code @ManagedAsync} on the method or on the
   * method it implements or overrides, as Jersey reads it. Matched by name, so that nothing here needs Jersey.
   */
  private static boolean isManagedAsync(Method method) {
    for (Class<?> type = method.getDeclaringClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      if (annotated(type, method)) {
        return true;
      }
      for (Class<?> contract : type.getInterfaces()) {
        if (annotated(contract, method)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean annotated(Class<?> type, Method method) {
    try {
      for (Annotation annotation : type.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotations()) {
        if (annotation.annotationType().getName().equals(MANAGED_ASYNC)) {
          return true;
        }
      }
    } catch (NoSuchMethodException e) {
      // Not declared on this type.
    }
    return false;
  }
}
