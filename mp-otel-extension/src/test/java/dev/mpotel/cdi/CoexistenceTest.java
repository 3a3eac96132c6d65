package dev.mpotel.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.testing.TestContainer;
import fish.payara.microprofile.telemetry.tracing.SimulatedPayaraTracerProducer;
import io.openliberty.microprofile.telemetry.internal.common.cdi.SimulatedLibertyProducer;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.opentelemetry.implementation.cdi.SimulatedWildFlyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A platform that already produces the OpenTelemetry beans (simulated here with producers in the
 * servers' own packages) must not end in a raw ambiguous-dependency error.
 */
class CoexistenceTest {

  @Dependent
  static class Client {
    @Inject Tracer tracer;
  }

  @Test
  void wildFlyTelemetryGivesAClearMessageNamingTheDescriptor() {
    assertThatThrownBy(() -> TestContainer.start(Map.of(), Client.class, SimulatedWildFlyProducer.class).close())
        .hasMessageContaining("platform already provides OpenTelemetry beans")
        .hasMessageContaining(SimulatedWildFlyProducer.class.getName())
        .hasMessageContaining("jboss-deployment-structure.xml")
        .hasMessageContaining("<subsystem name=\"microprofile-telemetry\"/>")
        .hasMessageNotContaining("WELD-001409");
  }

  @Test
  void payaraTelemetryGivesAClearMessageNamingTheDescriptor() {
    assertThatThrownBy(() -> TestContainer.start(Map.of(), Client.class, SimulatedPayaraTracerProducer.class).close())
        .hasMessageContaining("glassfish-web.xml")
        .hasMessageContaining("glassfish/modules/microprofile-telemetry.jar")
        .hasMessageContaining("<class-loader delegate=\"false\"/>")
        .hasMessageNotContaining("WELD-001409");
  }

  @Test
  void libertyTelemetryGivesAClearMessageNamingTheFeature() {
    assertThatThrownBy(() -> TestContainer.start(Map.of(), Client.class, SimulatedLibertyProducer.class).close())
        .hasMessageContaining("On Open Liberty, remove the mpTelemetry feature")
        .hasMessageContaining("delegation=\"parentLast\"")
        .hasMessageNotContaining("WELD-001409");
  }

  @Qualifier
  @Retention(RetentionPolicy.RUNTIME)
  @interface Audit {}

  @ApplicationScoped
  static class QualifiedTracerProducer {
    @Produces
    @Audit
    Tracer audit() {
      return io.opentelemetry.api.OpenTelemetry.noop().getTracer("audit");
    }
  }

  @ApplicationScoped
  static class UnqualifiedTracerProducer {
    @Produces
    Tracer own() {
      return io.opentelemetry.api.OpenTelemetry.noop().getTracer("own");
    }
  }

  @Test
  void anApplicationsOwnDefaultTracerIsReportedClearly() {
    assertThatThrownBy(() -> TestContainer.start(Map.of(), Client.class, UnqualifiedTracerProducer.class).close())
        .hasMessageContaining("Tracer from " + UnqualifiedTracerProducer.class.getName())
        .hasMessageContaining("Remove the other producer")
        .hasMessageNotContaining("WELD-001409");
  }

  @Test
  void anApplicationsOwnQualifiedTracerIsNoConflict() {
    try (TestContainer container = TestContainer.start(Map.of(), Client.class, QualifiedTracerProducer.class)) {
      container.select(Client.class).tracer.spanBuilder("fine").startSpan().end();
    }
  }
}
