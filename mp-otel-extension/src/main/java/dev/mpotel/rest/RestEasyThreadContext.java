package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Carries the OpenTelemetry context of a Jakarta REST request to the threads on which RESTEasy runs that
 * request's {@code async()} client invocations, filters included, so that their client spans are children
 * of the caller's span.
 *
 * <p>RESTEasy captures the "thread contexts" listed in the request's {@code ThreadContexts} when a task is
 * handed to its executor, and pushes them on the executor thread around the task. This class adds one to
 * the request being served ({@link ServerSpanFilter} calls {@link #addToCurrentRequest}). It goes through
 * reflection and a {@link Proxy} of RESTEasy's own {@code ThreadContext} interface, found through the class
 * loader of the runtime's request object, because Open Liberty does not let applications see RESTEasy's SPI:
 * a class implementing it, or a {@code META-INF/services} file naming one, fails there with
 * {@code NoClassDefFoundError}. On a runtime that is not RESTEasy (Jersey), or a RESTEasy without these
 * types, nothing happens.
 *
 * <p>On the executor thread the scope is opened and closed around the task; client spans the task started
 * without getting a response (the connection failed) end when it is over ({@link ClientExchange}). A request
 * that has no {@code ThreadContexts} yet gets one from {@link RestEasyThreadContexts}.
 */
final class RestEasyThreadContext implements InvocationHandler {

  private static final String RESTEASY_PACKAGE = "org.jboss.resteasy.";
  private static final ThreadLocal<Deque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

  private static volatile Binding binding;

  private RestEasyThreadContext() {}

  /**
   * Adds the context carrier to the thread contexts of the RESTEasy request this thread serves.
   *
   * @param runtimeObject an object of the Jakarta REST runtime (the request context), whose class loader
   *     sees RESTEasy's types
   * @return whether it was added (false on other runtimes)
   */
  static boolean addToCurrentRequest(Object runtimeObject) {
    Class<?> type = runtimeObject.getClass();
    if (!type.getName().startsWith(RESTEASY_PACKAGE)) {
      return false;
    }
    Binding current = binding;
    if (current == null || current.runtimeType != type) {
      current = Binding.find(type);
      binding = current;
    }
    return current.add();
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "capture":
        return Context.current();
      case "push":
        push(args[0]);
        return null;
      case "reset":
        reset();
        return null;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "mp-otel OpenTelemetry context";
      default:
        throw new UnsupportedOperationException(method.toString());
    }
  }

  private static void push(Object captured) {
    Context context = captured instanceof Context ? (Context) captured : Context.root();
    // Already current when another carrier of the same capture (the MicroProfile Rest Client's
    // RestClientContextPropagation) ran first: opening no second scope keeps the closing order right
    // whatever order RESTEasy resets its thread contexts in.
    SCOPES.get().push(Context.current() == context ? Scope.noop() : context.makeCurrent());
    ClientExchange.taskStarted();
  }

  private static void reset() {
    Deque<Scope> scopes = SCOPES.get();
    try {
      ClientExchange.taskEnded();
    } finally {
      // The empty deque stays (a JDK object, nothing of the application): see ServerSpanFilter's thread local.
      Scope scope = scopes.poll();
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** RESTEasy's types as one runtime's class loader sees them, and the proxy made for that runtime. */
  private static final class Binding {
    final Class<?> runtimeType;
    /** {@code ResteasyContext.computeIfAbsent}, as {@code (Class, Supplier) -> Object}. */
    private final MethodHandle computeIfAbsent;
    /** {@code ThreadContexts.add}, as {@code (Object, Object) -> void}. */
    private final MethodHandle add;
    private final Class<?> threadContextsType;
    private final Supplier<Object> newThreadContexts;
    private final Object carrier;

    private Binding(Class<?> runtimeType, MethodHandle computeIfAbsent, MethodHandle add, Class<?> threadContextsType, Supplier<Object> newThreadContexts, Object carrier) {
      this.runtimeType = runtimeType;
      this.computeIfAbsent = computeIfAbsent;
      this.add = add;
      this.threadContextsType = threadContextsType;
      this.newThreadContexts = newThreadContexts;
      this.carrier = carrier;
    }

    static Binding find(Class<?> runtimeType) {
      for (ClassLoader loader : new ClassLoader[] {runtimeType.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
        try {
          Class<?> resteasyContext = Class.forName(RESTEASY_PACKAGE + "core.ResteasyContext", false, loader);
          Class<?> threadContexts = Class.forName(RESTEASY_PACKAGE + "spi.concurrent.ThreadContexts", false, loader);
          Class<?> threadContext = Class.forName(RESTEASY_PACKAGE + "spi.concurrent.ThreadContext", false, loader);
          Supplier<Object> newThreadContexts = new RestEasyThreadContexts(threadContexts, threadContext);
          Object carrier = Proxy.newProxyInstance(threadContext.getClassLoader(), new Class<?>[] {threadContext}, new RestEasyThreadContext());
          MethodHandles.Lookup lookup = MethodHandles.publicLookup();
          MethodHandle computeIfAbsent =
              lookup.unreflect(resteasyContext.getMethod("computeIfAbsent", Class.class, Supplier.class))
                  .asType(MethodType.methodType(Object.class, Class.class, Supplier.class));
          MethodHandle add =
              lookup.unreflect(threadContexts.getMethod("add", threadContext))
                  .asType(MethodType.methodType(void.class, Object.class, Object.class));
          return new Binding(runtimeType, computeIfAbsent, add, threadContexts, newThreadContexts, carrier);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
          // Not this loader: try the next one.
        }
      }
      return new Binding(runtimeType, null, null, null, null, null);
    }

    boolean add() {
      if (carrier == null) {
        return false;
      }
      try {
        Object contexts = (Object) computeIfAbsent.invokeExact(threadContextsType, newThreadContexts);
        if (contexts == null) {
          return false; // no request context data on this thread
        }
        add.invokeExact(contexts, carrier);
        return true;
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("RESTEasy refused the context carrier", e);
      }
    }
  }
}
