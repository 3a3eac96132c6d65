package dev.mpotel.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recognizes a server's own MicroProfile Telemetry beans next to ours. Left alone they end the
 * deployment in an ambiguous-dependency error, and the server's (often older) OpenTelemetry classes
 * shadow the application's; the fix is a descriptor that isolates the application, which differs by
 * server, so the message names it.
 */
final class PlatformTelemetry {

  private static final List<Class<?>> OUR_TYPES = List.of(OpenTelemetry.class, Tracer.class);

  private PlatformTelemetry() {}

  /** A bean that is not ours and offers {@code @Default OpenTelemetry} or {@code Tracer}. */
  record Conflict(Type type, Class<?> beanClass) {}

  static Optional<Conflict> conflict(Bean<?> bean) {
    Class<?> beanClass = bean.getBeanClass();
    if (beanClass == TelemetryProducers.class || !bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
      return Optional.empty();
    }
    for (Type type : bean.getTypes()) {
      if (OUR_TYPES.contains(type)) {
        return Optional.of(new Conflict(type, beanClass));
      }
    }
    return Optional.empty();
  }

  static String message(List<Conflict> conflicts) {
    String found =
        conflicts.stream()
            .map(c -> ((Class<?>) c.type()).getSimpleName() + " from " + c.beanClass().getName())
            .distinct()
            .collect(Collectors.joining(", "));
    return "mp-otel: the platform already provides OpenTelemetry beans (" + found + "). Two telemetry setups in one "
        + "application make injection ambiguous and mix OpenTelemetry versions. " + fix(conflicts.get(0).beanClass())
        + " See \"If the server brings its own OpenTelemetry\" in docs/quickstart.md.";
  }

  static String fix(Class<?> platformBean) {
    String name = platformBean.getName();
    if (name.startsWith("io.smallrye.opentelemetry") || name.startsWith("org.wildfly")) {
      return "On WildFly, add WEB-INF/jboss-deployment-structure.xml with <deployment><exclude-subsystems>"
          + "<subsystem name=\"microprofile-telemetry\"/><subsystem name=\"opentelemetry\"/></exclude-subsystems>"
          + "</deployment>, or run a server configuration without them (standalone.xml).";
    }
    if (name.startsWith("io.openliberty") || name.startsWith("com.ibm.ws")) {
      return "On Open Liberty, remove the mpTelemetry feature (and any microProfile feature that includes it) from "
          + "server.xml. Isolating the application (<classloader delegation=\"parentLast\"/>) removes only this "
          + "conflict: Liberty's own telemetry also acts on otel.sdk.disabled=false and then fails every request "
          + "(docs/servers.md).";
    }
    if (name.startsWith("fish.payara")) {
      return "On Payara, add WEB-INF/glassfish-web.xml with <glassfish-web-app><class-loader delegate=\"false\"/>"
          + "</glassfish-web-app> so the application uses its own OpenTelemetry. Payara's own MicroProfile Telemetry "
          + "cannot be switched off and acts on otel.sdk.disabled=false too, which then fails the deployment: remove "
          + "glassfish/modules/microprofile-telemetry.jar from the server (docs/servers.md).";
    }
    return "Remove the other producer of these types, or turn the platform's telemetry off for this application.";
  }
}
