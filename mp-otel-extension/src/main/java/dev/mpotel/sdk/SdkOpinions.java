package dev.mpotel.sdk;

import dev.mpotel.config.Settings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What mp-otel decides about the resource and the defaults when the user did not: the service name,
 * the deployment environment, which resource detectors run, and the OTLP protocol.
 */
final class SdkOpinions {

  private static final Logger LOG = Logger.getLogger(SdkOpinions.class.getName());

  /** Incubating in the semantic conventions, so not in {@code opentelemetry-semconv} yet. */
  static final AttributeKey<String> DEPLOYMENT_ENVIRONMENT_NAME = AttributeKey.stringKey("deployment.environment.name");

  /**
   * The SDK's metrics about itself: {@code latest} names them by the semantic conventions
   * ({@code otel.sdk.*}) instead of the legacy {@code processedSpans}/{@code queueSize}.
   */
  static final String SDK_TELEMETRY_VERSION = "otel.experimental.sdk.telemetry.version";

  static final String DISABLED_PROVIDERS = "otel.java.disabled.resource.providers";
  static final String CONTAINER_PROVIDER = "io.opentelemetry.instrumentation.resources.ContainerResourceProvider";
  /**
   * Both name the service after the JVM's main jar, which on a server is the server's launcher (for
   * example {@code jboss-modules}), never the application.
   */
  static final Set<String> ALWAYS_DISABLED_PROVIDERS =
      Set.of(
          "io.opentelemetry.instrumentation.resources.JarServiceNameDetector",
          "io.opentelemetry.instrumentation.resources.ManifestResourceProvider");

  private SdkOpinions() {}

  /** Our defaults, as autoconfigure properties, for keys the user did not set. */
  static Map<String, String> defaults(Settings settings) {
    Map<String, String> defaults = new TreeMap<>();
    if (settings.get("otel.exporter.otlp.protocol").isEmpty()) {
      defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    }
    if (settings.get(SDK_TELEMETRY_VERSION).isEmpty()) {
      defaults.put(SDK_TELEMETRY_VERSION, "latest");
    }
    Set<String> disabled = new LinkedHashSet<>();
    settings.get(DISABLED_PROVIDERS).ifPresent(v -> {
      for (String name : v.split(",")) {
        if (!name.isBlank()) {
          disabled.add(name.trim());
        }
      }
    });
    disabled.addAll(ALWAYS_DISABLED_PROVIDERS);
    if (!settings.getBoolean(Settings.CONTAINER_RESOURCE, false)) {
      disabled.add(CONTAINER_PROVIDER);
    }
    defaults.put(DISABLED_PROVIDERS, String.join(",", disabled));
    return defaults;
  }

  /**
   * The resource with a service name (the application's own when none was set) and the deployment
   * environment. Never changes a service name the user set. Says through {@code defaulted} whether it
   * chose the name, so that the warning is given once the SDK really starts.
   */
  static Resource apply(Resource resource, Settings settings, Supplier<String> applicationName, Consumer<String> defaulted) {
    var builder = resource.toBuilder();
    String serviceName = resource.getAttribute(ServiceAttributes.SERVICE_NAME);
    if (serviceName == null || serviceName.startsWith("unknown_service")) {
      String fallback = applicationName.get();
      builder.put(ServiceAttributes.SERVICE_NAME, fallback);
      defaulted.accept(fallback);
    }
    settings.get(Settings.ENVIRONMENT).ifPresent(env -> builder.put(DEPLOYMENT_ENVIRONMENT_NAME, env));
    return builder.build();
  }

  static void warnServiceNameDefaulted(String fallback) {
    LOG.warning(
        "No service name is set: telemetry is reported as service.name='" + fallback + "', the application's name. "
            + "Set otel.service.name (or OTEL_SERVICE_NAME) to a name of your own: each deployment and each worker "
            + "process deserves a distinct one, or their telemetry mixes in the backend.");
  }
}
