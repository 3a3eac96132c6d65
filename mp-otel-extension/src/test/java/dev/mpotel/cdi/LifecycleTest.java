package dev.mpotel.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.sdk.InvalidSettingsException;
import dev.mpotel.testing.OtlpReceiver;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import jakarta.enterprise.context.ApplicationScoped;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One SDK per container, flushed at shutdown, and nothing left behind when the container is gone. */
class LifecycleTest {

  @ApplicationScoped
  static class Work {
    @WithSpan
    void run() {}
  }

  @ApplicationScoped
  static class Farewell {
    @Inject Tracer tracer;

    void use() {}

    @PreDestroy
    void recordGoodbye() {
      tracer.spanBuilder("Farewell.recordGoodbye").startSpan().end();
    }
  }

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private Map<String, String> exportingOverOtlp() {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.service.name", "lifecycle");
    settings.put("otel.exporter.otlp.endpoint", receiver.endpoint());
    settings.put("otel.logs.exporter", "none");
    return settings;
  }

  @Test
  void fiftyContainersLeaveNoThreadAndNoSdkBehindAndEachFlushesAtShutdown() {
    runOnce();
    awaitTrue(() -> liveThreads() >= 0, Duration.ofSeconds(1));
    int baseline = settledThreadCount();
    List<WeakReference<OpenTelemetry>> sdks = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      sdks.add(new WeakReference<>(runOnce()));
    }

    // Each container lives well under the 5 s batch delay: its span reaches the receiver through the flush at shutdown.
    assertThat(receiver.traceRequests()).isEqualTo(51);
    awaitTrue(() -> {
      System.gc();
      return sdks.stream().allMatch(ref -> ref.get() == null) && liveThreads() <= baseline;
    }, Duration.ofSeconds(60));
    assertThat(liveThreads()).as("live threads: %s", threadNames()).isLessThanOrEqualTo(baseline);
    assertThat(sdks).allMatch(ref -> ref.get() == null);
  }

  private OpenTelemetry runOnce() {
    try (TestContainer container = TestContainer.start(exportingOverOtlp(), Work.class)) {
      container.select(Work.class).run();
      OpenTelemetry sdk = container.select(OpenTelemetry.class);
      assertThat(sdk).isInstanceOf(OpenTelemetrySdk.class);
      return sdk;
    }
  }

  @Test
  void telemetryRecordedInPreDestroyIsExportedBecauseTheSdkShutsDownLast() {
    Map<String, String> settings = exportingOverOtlp();
    settings.put("otel.bsp.schedule.delay", "60s");
    try (TestContainer container = TestContainer.start(settings, Farewell.class)) {
      container.select(Farewell.class).use();
    }

    assertThat(receiver.traceBodies()).contains("Farewell.recordGoodbye");
  }

  @Test
  void strictModeFailsTheDeploymentOnAWrongSetting() {
    Map<String, String> settings = exportingOverOtlp();
    settings.put("mpotel.config.strict", "true");
    settings.put("otel.exporter.otlp.protocol", "smoke-signals");

    assertThatThrownBy(() -> TestContainer.start(settings, Work.class).close())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("otel.exporter.otlp.protocol='smoke-signals'");
  }

  private static int settledThreadCount() {
    System.gc();
    return liveThreads();
  }

  private static String threadNames() {
    Map<String, Long> byName = new java.util.TreeMap<>();
    Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .forEach(t -> byName.merge(t.getName().replaceAll("\\d+", "#"), 1L, Long::sum));
    return byName.toString();
  }

  private static int liveThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
