package dev.mpotel.sdk;

import io.opentelemetry.common.ComponentLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Loads autoconfigure's SPI implementations from the application's class loader, leaving out the ones
 * that do not implement the application's copy of the SPI.
 *
 * <p>A server that shows its own OpenTelemetry to applications (Payara, even with child-first class
 * loading) shows its {@code META-INF/services} files too. Entries for classes the war does not bundle
 * resolve to the server's classes, which implement the server's copy of the interface; {@link
 * ServiceLoader} reports each as "not a subtype" and, left alone, would end autoconfiguration. Any
 * other failure of a provider (one of the application's own that cannot be created) is not hidden.
 */
final class ApplicationComponentLoader implements ComponentLoader {

  private static final Logger LOG = Logger.getLogger(ApplicationComponentLoader.class.getName());

  private final ClassLoader classLoader;

  ApplicationComponentLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public <T> Iterable<T> load(Class<T> spiClass) {
    List<T> providers = new ArrayList<>();
    Iterator<T> iterator = ServiceLoader.load(spiClass, classLoader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          return providers;
        }
        providers.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        if (!isForeignProvider(e)) {
          throw e;
        }
        // ServiceLoader moves past the failed entry: the next hasNext() looks at the following one.
        LOG.config(() -> "mp-otel ignores a provider the platform registered for its own OpenTelemetry: " + e.getMessage());
      }
    }
  }

  /** The JDK's message for a listed class that does not implement the requested interface. */
  static boolean isForeignProvider(ServiceConfigurationError error) {
    String message = error.getMessage();
    return message != null && message.endsWith(" not a subtype");
  }
}
