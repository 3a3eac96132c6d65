package dev.mpotel.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Objects of the request RESTEasy serves on this thread, read directly from its context data: cheaper than what a
 * filter otherwise has, measured under HTTP load on WildFly ({@code docs/performance.md}).
 *
 * <ul>
 *   <li>The servlet request, where RESTEasy serves through servlets (WildFly, Open Liberty, a servlet container): its
 *       scheme, path and query are the request's as the client sent them, without {@code UriInfo.getRequestUri()}, for
 *       which RESTEasy parses a new {@code URI} of the whole request URL on every request (about 3 µs of CPU per
 *       request on WildFly).
 *   <li>The matched resource's {@code ResourceInfo}, without the proxy that {@code @Context} injects, which looks it
 *       up and calls it through reflection on every call.
 * </ul>
 *
 * <p>RESTEasy keys its context data by type; it is read through {@code ResteasyContext}, found through the class
 * loader of the runtime's request object, as {@link RestEasyThreadContext} does, and only for the types that loader
 * shares with ours. On any other runtime (Jersey), where a type is not there, or where RESTEasy's types cannot be
 * reached from here, nothing is found and the caller asks the Jakarta REST API as usual.
 */
final class RestEasyContextData {

  private static final String RESTEASY_PACKAGE = "org.jboss.resteasy.";
  private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

  private static volatile Binding binding;

  private RestEasyContextData() {}

  /**
   * The servlet request RESTEasy serves on this thread.
   *
   * @param runtimeObject an object of the Jakarta REST runtime (the request context)
   * @return {@code null} when there is none, or it cannot be read from here
   */
  static HttpServletRequest servletRequest(Object runtimeObject) {
    Binding current = binding(runtimeObject);
    if (current == null || current.servletRequestKey == null) {
      return null;
    }
    Object found = current.get(current.servletRequestKey);
    return found instanceof HttpServletRequest ? (HttpServletRequest) found : null;
  }

  /**
   * The {@code ResourceInfo} of the request RESTEasy serves on this thread, once a resource method is matched.
   *
   * @param runtimeObject an object of the Jakarta REST runtime (the request context)
   * @return {@code null} when there is none, or it cannot be read from here
   */
  static ResourceInfo resourceInfo(Object runtimeObject) {
    Binding current = binding(runtimeObject);
    if (current == null || !current.sharesResourceInfo) {
      return null;
    }
    Object found = current.get(ResourceInfo.class);
    return found instanceof ResourceInfo ? (ResourceInfo) found : null;
  }

  /** The binding in use, for tests: one per RESTEasy class loader, not per request context type. */
  static Object currentBinding() {
    return binding;
  }

  private static Binding binding(Object runtimeObject) {
    Class<?> type = runtimeObject.getClass();
    if (!type.getName().startsWith(RESTEASY_PACKAGE)) {
      return null;
    }
    // By loader, not by type: the filters pass different request contexts (before and after matching), whose loader
    // is RESTEasy's.
    ClassLoader loader = type.getClassLoader();
    Binding current = binding;
    if (current == null || current.runtimeLoader != loader) {
      current = Binding.find(loader);
      binding = current;
    }
    return current.getContextData == null ? null : current;
  }

  /** {@code ResteasyContext.getContextData} as one runtime's class loader sees it, and the types it shares with us. */
  private static final class Binding {
    final ClassLoader runtimeLoader;
    /** {@code (Class) -> Object}, or {@code null} when RESTEasy cannot be reached. */
    final MethodHandle getContextData;
    /** Our servlet API's request type, when our loader has one and the runtime's is the same; otherwise {@code null}. */
    final Class<?> servletRequestKey;
    final boolean sharesResourceInfo;

    private Binding(ClassLoader runtimeLoader, MethodHandle getContextData, Class<?> servletRequestKey, boolean sharesResourceInfo) {
      this.runtimeLoader = runtimeLoader;
      this.getContextData = getContextData;
      this.servletRequestKey = servletRequestKey;
      this.sharesResourceInfo = sharesResourceInfo;
    }

    static Binding find(ClassLoader runtimeLoader) {
      MethodHandle getContextData;
      try {
        Class<?> context = Class.forName(RESTEASY_PACKAGE + "core.ResteasyContext", false, runtimeLoader);
        getContextData =
            MethodHandles.publicLookup().findStatic(context, "getContextData", MethodType.methodType(Object.class, Class.class));
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        return new Binding(runtimeLoader, null, null, false);
      }
      // The servlet API is optional: our loader may not have it (then no servlet request is looked for).
      Class<?> servletRequest = null;
      try {
        Class<?> ours = Class.forName(SERVLET_REQUEST, false, RestEasyContextData.class.getClassLoader());
        servletRequest = shared(ours, runtimeLoader) ? ours : null;
      } catch (ClassNotFoundException | LinkageError e) {
        // No servlet API here.
      }
      return new Binding(runtimeLoader, getContextData, servletRequest, shared(ResourceInfo.class, runtimeLoader));
    }

    /** Whether the runtime keys this type by the same class as ours (else what it keeps is not of our type). */
    private static boolean shared(Class<?> ours, ClassLoader runtimeLoader) {
      try {
        return Class.forName(ours.getName(), false, runtimeLoader) == ours;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    Object get(Class<?> key) {
      try {
        return (Object) getContextData.invokeExact(key);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read RESTEasy's context data", e);
      }
    }
  }
}
