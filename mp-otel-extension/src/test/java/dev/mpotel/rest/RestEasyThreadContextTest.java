package dev.mpotel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.specimpl.MultivaluedMapImpl;
import org.jboss.resteasy.spi.concurrent.ThreadContext;
import org.jboss.resteasy.spi.concurrent.ThreadContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ThreadContexts} that {@link RestEasyThreadContext} gives a request lists what RESTEasy's constructor
 * lists, plus mp-otel's carrier, and {@link RestEasyThreadContexts} runs the constructor's service lookup once per
 * context class loader, not once per request. RESTEasy 6.2.2 (these tests' version) looks nothing up in that
 * constructor, so the lookup is shown with a stand-in that does what RESTEasy 6.2.15's does.
 */
class RestEasyThreadContextTest {

  @Test
  void aRequestGetsWhatRestEasyListsAndTheCarrier() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<Class<?>> restEasy = types(new ThreadContexts().getThreadContexts());
    List<Class<?>> request;
    try (ResteasyContext.CloseableContext ignored = ResteasyContext.addCloseableContextDataLevel()) {
      assertThat(RestEasyThreadContext.addToCurrentRequest(new MultivaluedMapImpl<String, String>())).isTrue();
      request = types(ResteasyContext.getContextData(ThreadContexts.class).getThreadContexts());
    }
    assertThat(request).hasSize(restEasy.size() + 1).containsAll(restEasy);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(loader);
  }

  @Test
  void theServiceLookupRunsOncePerContextClassLoaderAndListsNewInstancesInItsOrder(@TempDir Path dir) throws Exception {
    RestEasyThreadContexts factory = new RestEasyThreadContexts(LookingUpContexts.class, ThreadContext.class);
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader withProviders = loaderListing(dir, Second.class, First.class)) {
      thread.setContextClassLoader(withProviders);
      List<Class<?>> expected = types(new LookingUpContexts().getThreadContexts());
      assertThat(expected).containsSubsequence(Second.class, First.class); // and RESTEasy's own, which tests see
      LookingUpContexts.lookupsFound.clear();
      List<Object> made = new ArrayList<>();
      for (int request = 0; request < 5; request++) {
        LookingUpContexts contexts = (LookingUpContexts) factory.get();
        assertThat(types(contexts.getThreadContexts())).isEqualTo(expected);
        made.addAll(contexts.getThreadContexts());
        assertThat(thread.getContextClassLoader()).isSameAs(withProviders);
      }
      assertThat(made).doesNotHaveDuplicates();
      // Once as it is, to learn what it lists, then never again with a loader that has services.
      int found = expected.size();
      assertThat(LookingUpContexts.lookupsFound).containsExactly(found, 0, 0, 0, 0, 0, 0);

      thread.setContextClassLoader(original);
      List<Class<?>> withoutProviders = types(new LookingUpContexts().getThreadContexts());
      assertThat(types(((LookingUpContexts) factory.get()).getThreadContexts())).isEqualTo(withoutProviders);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void aConstructorThatListsMoreThanItsLookupRunsAsItIsEveryTime(@TempDir Path dir) throws Exception {
    RestEasyThreadContexts factory = new RestEasyThreadContexts(AlwaysListingContexts.class, ThreadContext.class);
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader withProviders = loaderListing(dir, First.class)) {
      thread.setContextClassLoader(withProviders);
      List<Class<?>> expected = types(new AlwaysListingContexts().getThreadContexts());
      assertThat(expected).containsSubsequence(First.class, Second.class);
      LookingUpContexts.lookupsFound.clear();
      for (int request = 0; request < 3; request++) {
        assertThat(types(((AlwaysListingContexts) factory.get()).getThreadContexts())).isEqualTo(expected);
      }
      // Once as it is and once without services, to learn that it lists more; then as it is for each request.
      int found = expected.size() - 1;
      assertThat(LookingUpContexts.lookupsFound).containsExactly(found, 0, found, found, found);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private static URLClassLoader loaderListing(Path dir, Class<?>... providers) throws Exception {
    Path services = dir.resolve("META-INF/services/" + ThreadContext.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(
        services, List.of(providers).stream().map(Class::getName).collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, Thread.currentThread().getContextClassLoader());
  }

  private static List<Class<?>> types(Collection<?> contexts) {
    return contexts.stream().<Class<?>>map(Object::getClass).collect(Collectors.toList());
  }

  /** What RESTEasy 6.2.15's {@code ThreadContexts} does: its constructor lists the context class loader's providers. */
  public static class LookingUpContexts {
    static final List<Integer> lookupsFound = new CopyOnWriteArrayList<>();
    final List<ThreadContext<?>> contexts = new ArrayList<>();

    public LookingUpContexts() {
      for (ThreadContext<?> context : ServiceLoader.load(ThreadContext.class)) {
        contexts.add(context);
      }
      lookupsFound.add(contexts.size());
    }

    public LookingUpContexts add(ThreadContext<?> context) {
      if (!contexts.contains(context)) {
        contexts.add(context);
      }
      return this;
    }

    public Collection<ThreadContext<?>> getThreadContexts() {
      return List.copyOf(contexts);
    }
  }

  /** Lists a context of its own besides those it looks up. */
  public static class AlwaysListingContexts extends LookingUpContexts {
    public AlwaysListingContexts() {
      add(new Second());
    }
  }

  /** A provider listed in {@code META-INF/services}, as an application or a library may ship one. */
  public static class First implements ThreadContext<Object> {
    @Override
    public Object capture() {
      return null;
    }

    @Override
    public void push(Object context) {}

    @Override
    public void reset(Object context) {}
  }

  /** Another. */
  public static class Second extends First {}
}
