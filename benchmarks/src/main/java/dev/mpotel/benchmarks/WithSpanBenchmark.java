package dev.mpotel.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The cost of mp-otel's {@code @WithSpan} interceptor against the same method with a hand-written span
 * and with no span, all three {@code @ApplicationScoped} beans called through their Weld client proxy, in
 * one Weld SE container per trial. Every span goes through the same SDK: sampler always_on,
 * {@code SimpleSpanProcessor} and an exporter that only counts (see {@link CountingTelemetry}).
 * {@code traced}, {@code counted} and {@code timed} are extras for mp-otel's own bindings;
 * {@code noopInterceptor} is the same bean behind an interceptor that only proceeds (Weld's own cost).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WithSpanBenchmark} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WithSpanBenchmark {

  private WeldContainer weld;
  private PlainBean plainBean;
  private ManualSpanBean manualSpanBean;
  private WithSpanBean withSpanBean;
  private TracedBean tracedBean;
  private CountedBean countedBean;
  private TimedBean timedBean;
  private NoopInterceptedBean noopInterceptedBean;

  /** Not a constant, so the JIT cannot fold the body. */
  private int x = 42;

  @Setup(Level.Trial)
  public void setUp() {
    weld = BenchContainer.start();
    // Client proxies, as an application gets them by injection.
    plainBean = weld.select(PlainBean.class).get();
    manualSpanBean = weld.select(ManualSpanBean.class).get();
    withSpanBean = weld.select(WithSpanBean.class).get();
    tracedBean = weld.select(TracedBean.class).get();
    countedBean = weld.select(CountedBean.class).get();
    timedBean = weld.select(TimedBean.class).get();
    noopInterceptedBean = weld.select(NoopInterceptedBean.class).get();
  }

  @Benchmark
  public int plain() {
    return plainBean.work(x);
  }

  @Benchmark
  public int manualSpan() {
    return manualSpanBean.work(x);
  }

  @Benchmark
  public int withSpan() {
    return withSpanBean.work(x);
  }

  @Benchmark
  public int traced() {
    return tracedBean.work(x);
  }

  @Benchmark
  public int counted() {
    return countedBean.work(x);
  }

  @Benchmark
  public int timed() {
    return timedBean.work(x);
  }

  @Benchmark
  public int noopInterceptor() {
    return noopInterceptedBean.work(x);
  }

  /** Checks that the measured calls really produced telemetry, prints the counts, and stops Weld. */
  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) {
    try {
      String benchmark = params.getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      CountingTelemetry.CountingSpanExporter spans = CountingTelemetry.current().spans;
      System.out.println();
      System.out.println("[" + method + "] spans exported: " + spans.counts());
      switch (method) {
        case "plain":
        case "noopInterceptor":
          require(spans.counts().isEmpty(), method + "() must export no span, got " + spans.counts());
          break;
        case "manualSpan":
          requireSpans(spans, "ManualSpanBean.work");
          break;
        case "withSpan":
          requireSpans(spans, "WithSpanBean.work");
          break;
        case "traced":
          requireSpans(spans, "TracedBean.work");
          break;
        case "counted":
          requireMetric("CountedBean.work.invocations");
          break;
        case "timed":
          requireMetric("TimedBean.work.duration");
          break;
        default:
          throw new IllegalStateException("No check for benchmark " + benchmark);
      }
    } finally {
      weld.shutdown();
    }
  }

  private static void requireSpans(CountingTelemetry.CountingSpanExporter spans, String name) {
    long count = spans.count(name);
    require(count > 0, "no span named " + name + " was exported: " + spans.counts());
    require(spans.counts().size() == 1, "only " + name + " spans expected, got " + spans.counts());
  }

  private static void requireMetric(String name) {
    long count = BenchContainer.metricCount(name);
    System.out.println("[" + name + "] measurements: " + count);
    require(count > 0, "metric " + name + " recorded nothing");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
