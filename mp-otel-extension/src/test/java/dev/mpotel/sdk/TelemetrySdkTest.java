package dev.mpotel.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.config.Settings;
import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.LogCapture;
import dev.mpotel.testing.RecordingHttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TelemetrySdkTest {

  private static final ClassLoader LOADER = TelemetrySdkTest.class.getClassLoader();

  private static Map<String, String> enabled(String... keyValues) {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.traces.exporter", "none");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    settings.put("otel.test.memory", "true");
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return settings;
  }

  /** The resource of the SDK, read from a span it exported. */
  private static Resource resourceOf(TelemetrySdk sdk) {
    sdk.openTelemetry().getTracer("t").spanBuilder("probe").startSpan().end();
    return InMemoryTelemetry.current().spans.getFinishedSpanItems().get(0).getResource();
  }

  @Test
  void disabledByDefaultGivesTheNoOpOpenTelemetry() {
    try (TelemetrySdk sdk = TelemetrySdk.start(Settings.of(Map.of()), LOADER, () -> "app")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(sdk.openTelemetry()).isSameAs(OpenTelemetry.noop());
    }
  }

  @Test
  void withoutAServiceNameOneWarningNamesTheSettingAndTheApplicationNameIsUsed() {
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(Settings.of(enabled()), LOADER, () -> "orders-app")) {
      assertThat(resourceOf(sdk).getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("orders-app");
      List<String> warnings = log.messages(Level.WARNING);
      assertThat(warnings).singleElement().satisfies(w ->
          assertThat(w).contains("otel.service.name").contains("orders-app").contains("each deployment and each worker"));
    }
  }

  @Test
  void aServiceNameSetByTheUserIsKeptWithoutWarning() {
    try (LogCapture log = new LogCapture();
        TelemetrySdk sdk = TelemetrySdk.start(Settings.of(enabled("otel.resource.attributes", "service.name=billing")), LOADER, () -> "x")) {
      assertThat(resourceOf(sdk).getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("billing");
      assertThat(log.messages(Level.WARNING)).isEmpty();
    }
  }

  @Test
  void environmentIsAResourceAttributeAndNeverPartOfTheServiceName() {
    Settings settings = Settings.of(enabled("otel.service.name", "orders", "mpotel.environment", "staging"));
    try (TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      Resource resource = resourceOf(sdk);
      assertThat(resource.getAttribute(AttributeKey.stringKey("deployment.environment.name"))).isEqualTo("staging");
      assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("orders");
    }
  }

  @Test
  void theWorkerProcessIsIdentifiedByServiceInstanceId() {
    try (TelemetrySdk sdk = TelemetrySdk.start(Settings.of(enabled("otel.service.name", "w")), LOADER, () -> "x")) {
      assertThat(resourceOf(sdk).getAttribute(AttributeKey.stringKey("service.instance.id"))).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void wrongSettingsTurnTelemetryOffWithOneMessageAndNoSecret() {
    Settings settings = Settings.of(enabled(
        "otel.exporter.otlp.protocol", "carrier-pigeon",
        "otel.exporter.otlp.headers", "Authorization=Bearer s3cr3t;oops",
        "otel.traces.sampler", "traceidratio",
        "otel.traces.sampler.arg", "2"));
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(sdk.openTelemetry()).isSameAs(OpenTelemetry.noop());
      assertThat(log.messages(Level.SEVERE)).singleElement().satisfies(message -> assertThat(message)
          .contains("otel.exporter.otlp.protocol='carrier-pigeon'")
          .contains("one of grpc, http/protobuf")
          .contains("otel.traces.sampler.arg='2'")
          .contains("mpotel.config.strict")
          .doesNotContain("s3cr3t"));
    }
  }

  @Test
  void strictModeFailsInsteadNamingTheKey() {
    Settings settings = Settings.of(enabled("mpotel.config.strict", "true", "otel.exporter.otlp.timeout", "-5"));

    assertThatThrownBy(() -> TelemetrySdk.start(settings, LOADER, () -> "x"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("otel.exporter.otlp.timeout='-5'");
  }

  @Test
  void grpcWithoutASenderNamesTheArtifactToAdd() {
    Settings settings = Settings.of(enabled("otel.traces.exporter", "otlp", "otel.exporter.otlp.protocol", "grpc"));
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(log.messages(Level.SEVERE)).singleElement().satisfies(m ->
          assertThat(m).contains("otel.exporter.otlp.protocol='grpc'").contains("io.opentelemetry:opentelemetry-exporter-sender-okhttp"));
    }
  }

  @Test
  void anErrorFromAutoconfigureIsReportedAndTheApplicationRunsOn() {
    Settings settings = Settings.of(enabled("otel.traces.exporter", "no-such-exporter", "otel.exporter.otlp.headers", "api-key=k3y"));
    try (LogCapture log = new LogCapture(); TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "x")) {
      assertThat(sdk.enabled()).isFalse();
      assertThat(log.messages(Level.SEVERE)).singleElement().satisfies(m ->
          assertThat(m).contains("no-such-exporter").contains("otel.traces.exporter").doesNotContain("k3y"));
      assertThat(log.messages(Level.WARNING)).as("only the SEVERE message, no service-name warning for an SDK that never ran")
          .hasSize(1);
    }
  }

  @Test
  void otlpDefaultsToHttpProtobufAndJarBasedServiceNamesAndTheContainerDetectorAreOff() {
    Map<String, String> defaults = SdkOpinions.defaults(Settings.of(Map.of()));

    assertThat(defaults).containsEntry("otel.exporter.otlp.protocol", "http/protobuf");
    assertThat(defaults).containsEntry("otel.experimental.sdk.telemetry.version", "latest");
    assertThat(defaults.get("otel.java.disabled.resource.providers"))
        .contains("io.opentelemetry.instrumentation.resources.ContainerResourceProvider")
        .contains("io.opentelemetry.instrumentation.resources.JarServiceNameDetector")
        .contains("io.opentelemetry.instrumentation.resources.ManifestResourceProvider");
  }

  @Test
  void containerDetectorIsTurnedOnByOneSettingAndUserDisabledProvidersAreKept() {
    Map<String, String> defaults = SdkOpinions.defaults(Settings.of(Map.of(
        "mpotel.resource.container.enabled", "true",
        "otel.java.disabled.resource.providers", "io.opentelemetry.instrumentation.resources.HostResourceProvider")));

    assertThat(defaults.get("otel.java.disabled.resource.providers"))
        .doesNotContain("ContainerResourceProvider")
        .contains("io.opentelemetry.instrumentation.resources.HostResourceProvider");
  }

  @Test
  void aProtocolSetByTheUserIsNotOverridden() {
    assertThat(SdkOpinions.defaults(Settings.of(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))).doesNotContainKey("otel.exporter.otlp.protocol");
  }

  /**
   * A server may hold an undeployed application's objects, and so its SDK, for a while after the shutdown (WildFly's
   * idle worker threads do). The exporters' JDK HttpClients must not stay reachable through it: on JDK 17 their
   * selector threads end only once the client is garbage collected, and they hold the application's class loader.
   */
  @Test
  void afterCloseTheExportersHttpClientThreadsEndEvenWhileTheSdkIsStillHeld() throws Exception {
    Set<Thread> before = selectorThreads();
    String endpoint = "http://127.0.0.1:" + RecordingHttpServer.closedPort();
    Settings settings = Settings.of(enabled("otel.traces.exporter", "otlp", "otel.metrics.exporter", "otlp", "otel.logs.exporter", "otlp",
        "otel.exporter.otlp.endpoint", endpoint, "otel.exporter.otlp.timeout", "500", "mpotel.shutdown.timeout", "2000ms"));
    TelemetrySdk sdk = TelemetrySdk.start(settings, LOADER, () -> "app");
    OpenTelemetry held = sdk.openTelemetry();
    Set<Thread> started = selectorThreads();
    started.removeAll(before);
    assertThat(started).as("the OTLP exporters' HttpClient selector threads").hasSize(3);

    sdk.close();
    assertThat(sdk.exportersReleased()).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (started.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(200);
    }
    assertThat(started).as("selector threads alive 30 s after close, the SDK still held").noneMatch(Thread::isAlive);
    Reference.reachabilityFence(held);
  }

  private static Set<Thread> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
        .collect(Collectors.toCollection(HashSet::new));
  }
}
