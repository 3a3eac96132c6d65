package dev.mpotel.rest;

import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What the extension does for Jakarta REST, kept apart so that the extension loads no Jakarta REST
 * class when the API is absent.
 */
public final class RestResources {

  private RestResources() {}

  /** The bean classes to add: the instrumentation and the interceptor for asynchronous resources. */
  public static Class<?>[] beanClasses() {
    return new Class<?>[] {HttpInstrumentation.class, ServerContextInterceptor.class};
  }

  /**
   * Binds {@link ServerContextInterceptor} to a root resource class that has an asynchronous resource
   * method, unless the class cannot be intercepted (final class or final methods).
   */
  public static <T> void bindAsyncResource(ProcessAnnotatedType<T> event) {
    AnnotatedType<T> type = event.getAnnotatedType();
    Class<T> javaClass = type.getJavaClass();
    if (javaClass.isInterface() || !type.isAnnotationPresent(Path.class) || Modifier.isFinal(javaClass.getModifiers())) {
      return;
    }
    boolean async = false;
    for (Method method : javaClass.getMethods()) {
      if (method.getDeclaringClass() == Object.class) {
        continue;
      }
      if (Modifier.isFinal(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
        return;
      }
      async |= ServerSpanFilter.isAsync(method);
    }
    if (async) {
      event.configureAnnotatedType().add(ServerContextBinding.Literal.INSTANCE);
    }
  }
}
