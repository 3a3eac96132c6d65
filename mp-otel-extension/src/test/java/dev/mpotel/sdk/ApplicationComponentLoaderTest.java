package dev.mpotel.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationComponentLoaderTest {

  @TempDir Path services;

  public static final class ApplicationResourceProvider implements ResourceProvider {
    @Override
    public Resource createResource(ConfigProperties config) {
      return Resource.empty();
    }
  }

  public static final class BrokenResourceProvider implements ResourceProvider {
    public BrokenResourceProvider() {
      throw new IllegalStateException("cannot start");
    }

    @Override
    public Resource createResource(ConfigProperties config) {
      return Resource.empty();
    }
  }

  /** A class loader that sees a service file listing these classes, as a server's file would. */
  private ClassLoader listing(String... classNames) throws IOException {
    Path file = services.resolve("META-INF/services/" + ResourceProvider.class.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", classNames) + "\n", StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader()) {
      // Only this loader's own file: the test class path registers other resource providers.
      @Override
      public java.util.Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
      }
    };
  }

  @Test
  void providersOfAnotherCopyOfTheSpiAreLeftOutAndTheApplicationsAreLoaded() throws IOException {
    // String stands for the platform's provider class: listed for this SPI, but not an implementation of it.
    ClassLoader loader = listing(String.class.getName(), ApplicationResourceProvider.class.getName());

    List<ResourceProvider> providers = new ArrayList<>();
    new ApplicationComponentLoader(loader).load(ResourceProvider.class).forEach(providers::add);

    assertThat(providers).singleElement().isInstanceOf(ApplicationResourceProvider.class);
  }

  @Test
  void aProviderOfTheApplicationThatCannotBeCreatedIsStillReported() throws IOException {
    ClassLoader loader = listing(BrokenResourceProvider.class.getName());

    assertThatThrownBy(() -> new ApplicationComponentLoader(loader).load(ResourceProvider.class))
        .isInstanceOf(ServiceConfigurationError.class)
        .hasMessageContaining(BrokenResourceProvider.class.getName());
  }
}
