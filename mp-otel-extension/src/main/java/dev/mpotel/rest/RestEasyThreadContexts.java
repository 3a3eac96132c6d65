package dev.mpotel.rest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Makes the {@code ThreadContexts} that {@link RestEasyThreadContext} adds to a request that has none: what
 * RESTEasy's public constructor makes, without the cost of its service lookup on every request.
 *
 * <p>In RESTEasy 6.2.15 (WildFly 39; 6.2.2 does not), that constructor looks up the {@code META-INF/services} providers of
 * {@code ThreadContext} through the thread's context class loader and lists a new instance of each (RESTEasy's
 * own {@code ResteasyThreadContext} among them). On WildFly the lookup walks every resource loader of the
 * deployment's module and of its dependencies: measured under HTTP load, it was most of what telemetry cost a
 * request ({@code docs/performance.md}, "Where the cost goes"). So the lookup is done once per context class
 * loader: the constructor then runs under the JDK's platform class loader as context class loader, where the lookup
 * finds nothing, and a new instance of each provider found is added in the lookup's order, which lists the same contexts in the same order. Where the
 * outcome would differ (a provider without a public no-argument constructor, a constructor that lists something
 * else, any failure while checking), the constructor runs as it is, every time.
 */
final class RestEasyThreadContexts implements Supplier<Object> {

  /**
   * The context class loader for the constructor: under it {@code ServiceLoader} looks only at the JDK's own modules,
   * which provide no {@code ThreadContext} (checked once per context class loader, in {@link #providers}). A class
   * loader of our own would do as well, but {@code ServiceLoader} then also streams over that loader's module layers
   * on every lookup: measured under HTTP load on WildFly, that stream was about 3% of what a request thread allocated.
   */
  private static final ClassLoader JDK_ONLY = ClassLoader.getPlatformClassLoader();

  private static final MethodType NEW = MethodType.methodType(Object.class);

  private final Class<?> threadContextType;
  private final Constructor<?> constructor;
  /** The constructor, as {@code () -> Object}. */
  private final MethodHandle newContexts;
  /** {@code ThreadContexts.add}, as {@code (Object, Object) -> void}. */
  private final MethodHandle add;
  private final Method getThreadContexts;
  /** For the last context class loader seen: a deployment's request threads all have the same one. */
  private volatile Recipe last;

  RestEasyThreadContexts(Class<?> threadContextsType, Class<?> threadContextType) throws ReflectiveOperationException {
    this.threadContextType = threadContextType;
    this.constructor = threadContextsType.getConstructor();
    this.newContexts = MethodHandles.publicLookup().unreflectConstructor(constructor).asType(NEW);
    this.add =
        MethodHandles.publicLookup()
            .unreflect(threadContextsType.getMethod("add", threadContextType))
            .asType(MethodType.methodType(void.class, Object.class, Object.class));
    this.getThreadContexts = threadContextsType.getMethod("getThreadContexts");
  }

  @Override
  public Object get() {
    try {
      Thread thread = Thread.currentThread();
      ClassLoader loader = thread.getContextClassLoader();
      Recipe recipe = last;
      if (recipe == null || recipe.loader.get() != loader) {
        recipe = new Recipe(loader, providers(loader));
        last = recipe;
      }
      if (recipe.providers == null) {
        return (Object) newContexts.invokeExact();
      }
      Object contexts = newWithoutLookup(thread, loader);
      for (MethodHandle provider : recipe.providers) {
        add.invokeExact(contexts, (Object) provider.invokeExact());
      }
      return contexts;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create RESTEasy's ThreadContexts", e);
    }
  }

  private Object newWithoutLookup(Thread thread, ClassLoader loader) throws Throwable {
    thread.setContextClassLoader(JDK_ONLY);
    try {
      return (Object) newContexts.invokeExact();
    } finally {
      thread.setContextClassLoader(loader);
    }
  }

  /**
   * The constructors of the contexts RESTEasy's constructor lists under this loader, in its order, or
   * {@code null} when that cannot be told for sure: then the constructor runs as it is.
   */
  private List<MethodHandle> providers(ClassLoader loader) {
    if (loader == null) {
      return null;
    }
    try {
      List<Class<?>> found = new ArrayList<>();
      ServiceLoader.load(threadContextType, loader).stream().forEach(provider -> found.add(provider.type()));
      List<Class<?>> listed = types(constructor.newInstance());
      if (!types(newWithoutLookup(Thread.currentThread(), loader)).isEmpty()) {
        return null;
      }
      if (listed.isEmpty()) {
        return List.of(); // a RESTEasy whose constructor looks nothing up
      }
      if (!sameTypes(found, listed)) {
        return null;
      }
      List<MethodHandle> providers = new ArrayList<>();
      for (Class<?> type : found) {
        providers.add(MethodHandles.publicLookup().unreflectConstructor(type.getConstructor()).asType(NEW));
      }
      return List.copyOf(providers);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // Not for sure (a provider without a public no-argument constructor, a failing constructor, anything): the
      // constructor runs as it is. Nothing here must fail the request.
      return null;
    }
  }

  private List<Class<?>> types(Object contexts) throws ReflectiveOperationException {
    List<Class<?>> types = new ArrayList<>();
    for (Object context : (Collection<?>) getThreadContexts.invoke(contexts)) {
      types.add(context.getClass());
    }
    return types;
  }

  private static boolean sameTypes(List<Class<?>> a, List<Class<?>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    List<Class<?>> rest = new ArrayList<>(b);
    for (Class<?> type : a) {
      if (!rest.remove(type)) {
        return false;
      }
    }
    return true;
  }

  /** Weakly held: the loader may be another deployment's, which must stay free to go. */
  private static final class Recipe {
    final WeakReference<ClassLoader> loader;
    final List<MethodHandle> providers;

    Recipe(ClassLoader loader, List<MethodHandle> providers) {
      this.loader = new WeakReference<>(loader);
      this.providers = providers;
    }
  }
}
