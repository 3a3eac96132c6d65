package dev.mpotel.testing;

import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.jboss.weld.environment.se.Weld;

/**
 * With discovery off, Weld SE does not read {@code META-INF/services}; this adds every extension listed
 * there, which is what a server does with the jar in {@code WEB-INF/lib}.
 */
final class ServiceLoaderExtensions {

  private ServiceLoaderExtensions() {}

  static void addTo(Weld weld) {
    for (Extension extension : ServiceLoader.load(Extension.class)) {
      weld.addExtension(extension);
    }
  }
}
