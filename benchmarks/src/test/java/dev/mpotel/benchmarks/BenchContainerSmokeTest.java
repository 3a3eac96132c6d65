package dev.mpotel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs no benchmark: it checks, once, that the benchmark's container really traces and measures, so
 * that the numbers in docs/performance.md cannot silently come from a no-op SDK or a missing interceptor.
 */
class BenchContainerSmokeTest {

  private static WeldContainer weld;

  @BeforeAll
  static void start() {
    weld = BenchContainer.start();
  }

  @AfterAll
  static void stop() {
    weld.shutdown();
  }

  @Test
  void withSpanInterceptorExportsOneSpanPerCall() {
    CountingTelemetry.CountingSpanExporter spans = CountingTelemetry.current().spans;
    long before = spans.count("WithSpanBean.work");

    int result = weld.select(WithSpanBean.class).get().work(1);

    assertThat(result).isEqualTo(38);
    assertThat(spans.count("WithSpanBean.work")).isEqualTo(before + 1);
  }

  @Test
  void handWrittenSpanAndTracedAreExported() {
    CountingTelemetry.CountingSpanExporter spans = CountingTelemetry.current().spans;
    long manual = spans.count("ManualSpanBean.work");
    long traced = spans.count("TracedBean.work");

    weld.select(ManualSpanBean.class).get().work(1);
    weld.select(TracedBean.class).get().work(1);

    assertThat(spans.count("ManualSpanBean.work")).isEqualTo(manual + 1);
    assertThat(spans.count("TracedBean.work")).isEqualTo(traced + 1);
  }

  @Test
  void plainAndNoopInterceptedBeansExportNoSpan() {
    CountingTelemetry.CountingSpanExporter spans = CountingTelemetry.current().spans;
    long total = spans.counts().values().stream().mapToLong(Long::longValue).sum();

    assertThat(weld.select(PlainBean.class).get().work(1)).isEqualTo(38);
    assertThat(weld.select(NoopInterceptedBean.class).get().work(1)).isEqualTo(38);

    assertThat(spans.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
  }

  @Test
  void countedAndTimedRecord() {
    long counted = BenchContainer.metricCount("CountedBean.work.invocations");
    long timed = BenchContainer.metricCount("TimedBean.work.duration");

    weld.select(CountedBean.class).get().work(1);
    weld.select(TimedBean.class).get().work(1);

    assertThat(BenchContainer.metricCount("CountedBean.work.invocations")).isEqualTo(counted + 1);
    assertThat(BenchContainer.metricCount("TimedBean.work.duration")).isEqualTo(timed + 1);
  }
}
