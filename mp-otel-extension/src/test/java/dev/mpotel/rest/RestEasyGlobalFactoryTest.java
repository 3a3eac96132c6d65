package dev.mpotel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.TestContainer;
import org.jboss.resteasy.core.providerfactory.ResteasyProviderFactoryImpl;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RESTEasy's JVM-wide provider factory, created with this class path as context class loader, registers what
 * {@code META-INF/services/jakarta.ws.rs.ext.Providers} lists, mp-otel's filters included; on a server that is the
 * application's class loader, kept after the undeploy (docs/servers.md, "Redeploy"). The container's end lets go of it.
 */
class RestEasyGlobalFactoryTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}

  @BeforeEach
  @AfterEach
  void noJvmWideFactory() {
    ResteasyProviderFactory current = ResteasyProviderFactory.peekInstance();
    if (current != null) {
      ResteasyProviderFactory.clearInstanceIfEqual(current);
    }
  }

  @Test
  void theJvmWideFactoryHoldingTheApplicationsProvidersIsClearedWhenTheContainerEnds() {
    TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class);
    ResteasyProviderFactory global = ResteasyProviderFactory.getInstance();
    assertThat(global.isRegistered(ClientSpanFilter.class)).as("registered from the Providers file").isTrue();

    container.close();

    assertThat(ResteasyProviderFactory.peekInstance()).isNull();
  }

  @Test
  void aJvmWideFactoryWithoutTheApplicationsProvidersIsLeftAlone() {
    ResteasyProviderFactory other = new ResteasyProviderFactoryImpl();
    ResteasyProviderFactory.setInstance(other);
    TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class);

    container.close();

    assertThat(ResteasyProviderFactory.peekInstance()).isSameAs(other);
  }

  @Test
  void withoutAJvmWideFactoryNoneIsCreated() {
    TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class);

    container.close();

    assertThat(ResteasyProviderFactory.peekInstance()).isNull();
  }
}
