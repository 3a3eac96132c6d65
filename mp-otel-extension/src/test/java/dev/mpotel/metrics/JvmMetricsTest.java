package dev.mpotel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}


  @Test
  void theJvmMetricsMicroProfileTelemetryRequiresAreReportedWithTheSdk() {
    try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
      Set<String> names = InMemoryTelemetry.current().metrics.collectAllMetrics().stream()
          .map(MetricData::getName).collect(Collectors.toSet());

      assertThat(names).contains(
          "jvm.memory.used", "jvm.memory.committed", "jvm.memory.limit", "jvm.memory.used_after_last_gc",
          "jvm.thread.count", "jvm.class.loaded", "jvm.class.unloaded", "jvm.class.count",
          "jvm.cpu.time", "jvm.cpu.count", "jvm.cpu.recent_utilization");
    }
  }

  @Test
  void jvmMemoryUsedHasTheNameUnitAndDescriptionTheSpecRequires() {
    try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
      MetricData used = InMemoryTelemetry.current().metrics.collectAllMetrics().stream()
          .filter(m -> m.getName().equals("jvm.memory.used")).findFirst().orElseThrow();

      assertThat(used.getUnit()).isEqualTo("By");
      assertThat(used.getDescription()).isEqualTo("Measure of memory used.");
    }
  }
}
