package dev.mpotel.cdi;

import dev.mpotel.metrics.CountedInterceptor;
import dev.mpotel.metrics.MethodMetrics;
import dev.mpotel.metrics.TimedInterceptor;
import dev.mpotel.sdk.TelemetrySdk;
import dev.mpotel.tracing.MethodSpans;
import dev.mpotel.tracing.TracedInterceptor;
import dev.mpotel.tracing.WithSpanInterceptor;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.util.Nonbinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The portable extension, found through {@code META-INF/services}: it registers mp-otel's beans and
 * interceptors itself, so the jar works without a {@code beans.xml} and without interceptor enablement,
 * in {@code WEB-INF/lib} or on a Weld SE class path. It also refuses, with a message that names the
 * fix, to start next to a platform that already produces the OpenTelemetry beans.
 */
public class MpOtelExtension implements Extension {

  private final List<PlatformTelemetry.Conflict> conflicts = new ArrayList<>();
  private volatile TelemetrySdk telemetry;
  private final boolean jakartaRest = present("jakarta.ws.rs.container.ContainerRequestFilter");

  void registerBeans(@Observes BeforeBeanDiscovery event) {
    event.configureInterceptorBinding(WithSpan.class).methods().forEach(member -> member.add(Nonbinding.Literal.INSTANCE));
    for (Class<?> type :
        List.of(SdkLifecycle.class, TelemetryProducers.class, MethodSpans.class, MethodMetrics.class,
            TracedInterceptor.class, CountedInterceptor.class, TimedInterceptor.class)) {
      event.addAnnotatedType(type, MpOtelExtension.class.getName() + "." + type.getSimpleName());
    }
    event.addAnnotatedType(WithSpanInterceptor.class, MpOtelExtension.class.getName() + ".WithSpanInterceptor")
        .add(WithSpanBinding.INSTANCE);
    if (jakartaRest) {
      event.addInterceptorBinding(dev.mpotel.rest.ServerContextBinding.class);
      for (Class<?> type : dev.mpotel.rest.RestResources.beanClasses()) {
        event.addAnnotatedType(type, MpOtelExtension.class.getName() + "." + type.getSimpleName());
      }
    }
  }

  /** Asynchronous Jakarta REST resources get the interceptor that makes the server span current. */
  <T> void bindAsyncResources(@Observes ProcessAnnotatedType<T> event) {
    if (jakartaRest) {
      dev.mpotel.rest.RestResources.bindAsyncResource(event);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MpOtelExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  void detectPlatformTelemetry(@Observes ProcessBean<?> event) {
    PlatformTelemetry.conflict(event.getBean()).ifPresent(conflicts::add);
  }

  void reportConflicts(@Observes AfterBeanDiscovery event) {
    if (!conflicts.isEmpty()) {
      event.addDefinitionError(new DeploymentException(PlatformTelemetry.message(conflicts)));
    }
  }

  /** The container's SDK, to be flushed and shut down when the container ends. */
  void shutDownAtContainerEnd(TelemetrySdk sdk) {
    telemetry = sdk;
  }

  /**
   * After every context is destroyed: what beans recorded in their {@code @PreDestroy} is exported too,
   * within {@code mpotel.shutdown.timeout}. Then RESTEasy's JVM-wide provider factory is let go of if it holds this
   * application's providers ({@link dev.mpotel.rest.RestEasyGlobalFactory}).
   */
  void shutdown(@Observes BeforeShutdown event) {
    TelemetrySdk sdk = telemetry;
    telemetry = null;
    if (sdk != null) {
      sdk.close();
    }
    if (jakartaRest) {
      dev.mpotel.rest.RestEasyGlobalFactory.releaseIfItHoldsThisApplication();
    }
  }
}
