package dev.mpotel.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.it.support.OtlpSink;
import dev.mpotel.it.support.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly with {@code standalone-redeploy.xml}: the sample war is deployed and undeployed {@value #CYCLES} times
 * while a client thread keeps sending requests to it. Nothing of mp-otel may outlive an undeployment (threads,
 * classes, exporter threads), and nothing a client was answered with a 2xx may be lost on the way to the Collector.
 *
 * <p>The server differs from the other WildFly executions' in two ways, both set by the build and explained in
 * docs/servers.md ("Redeploy"): {@code standalone-redeploy.xml} is {@code standalone.xml} whose default worker has no
 * core task threads (an idle core thread keeps the last request it ran, and with it that request's war), and
 * OpenTelemetry's strict context checking is off (its cleaner thread never ends and keeps the war's class loader).
 *
 * <p>Runs in its own surefire execution ({@code wildfly-redeploy}), so the server has seen no other deployment
 * and the counts are this test's alone. Counts are read through WildFly's management model
 * ({@code core-service=platform-mbean}), after garbage collections forced through its {@code type=memory}
 * {@code gc} operation (the platform {@code java.lang:type=Memory} MBean's {@code gc}).
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyRedeployTest {

  static final int CYCLES = 30;
  /**
   * Threads the server may have more than at the baseline. WildFly's own pools (Undertow's XNIO task threads,
   * the EE executors) start threads on demand and retire them after their keep-alive; one deployment of the sample
   * war runs at least seven threads of its own (the span and log workers, two metric reader threads, one HTTP
   * selector per exporter), so a single leaked deployment, let alone {@value #CYCLES}, exceeds this margin.
   */
  static final int THREAD_MARGIN = 5;
  /**
   * Loaded classes the server may have more than at the baseline: classes WildFly loads lazily the first time a
   * code path runs that the warm-up cycle did not take. One deployment of the sample war loads thousands of
   * classes (measured and checked below to exceed this margin; about 1,350 of them are the war's own and unload
   * with its class loader), so one leaked class loader fails the test.
   */
  static final int CLASS_MARGIN = 300;
  /** Thread-name prefixes of the OpenTelemetry SDK and its JDK HttpClient sender. */
  static final List<String> EXPORTER_THREADS = List.of("BatchSpanProcessor_WorkerThread", "PeriodicMetricReader",
      "BatchLogRecordProcessor_WorkerThread", "HttpClient-", "jdkhttp-executor");
  /** How long to wait for a 2xx after a deploy, and for spans at the Collector. */
  static final Duration DEADLINE = Duration.ofSeconds(60);
  /**
   * How long counts may take to settle: the server's idle task threads retire after their keep-alive (5 s in
   * {@code standalone-redeploy.xml}, 60 s for other pools), and classes unload only once a GC finds their loader
   * unreachable.
   */
  static final Duration SETTLE_DEADLINE = Duration.ofSeconds(150);
  /** How long the thread count must not drop for the baseline: a little more than the server pools' 60 s keep-alive. */
  static final Duration THREADS_QUIET = Duration.ofSeconds(70);
  /** The client's bound: it stops after this many requests even if the cycles are not done. */
  static final int MAX_REQUESTS = 200_000;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String STOCK_PATH = ShopTelemetryContract.API + "/stock/";

  @ArquillianResource Deployer deployer;
  @ArquillianResource ManagementClient management;

  final OtlpSink sink = TelemetryBackend.sink();

  @Deployment(name = SampleApp.NAME, managed = false, testable = false)
  static WebArchive deployment() {
    return SampleApp.war();
  }

  @Test
  void redeployingUnderLoadLeavesNoThreadNoClassAndLosesNoSpan() throws Exception {
    Traffic traffic = new Traffic(URI.create(management.getWebUri() + "/" + SampleApp.NAME + "/api/stock/"));
    Thread client = new Thread(traffic, "redeploy-client");
    client.start();
    try {
      // Warm-up: one full cycle under traffic, so WildFly has loaded what deploying and undeploying need.
      Counts fresh = settled(c -> true);
      deployAndAwaitTraffic(traffic);
      Counts deployed = settled(c -> true);
      int perDeployment = deployed.classes() - fresh.classes();
      report("fresh server: %s; deployed (warm-up): %s, so %d classes for one deployment", fresh, deployed, perDeployment);
      assertThat(perDeployment).as("classes one deployment loads, which the margin must be below").isGreaterThan(CLASS_MARGIN);
      deployer.undeploy(SampleApp.NAME);
      // The baseline once the warm-up deployment's classes are unloaded (or the deadline passed: then the check after
      // the cycles still sees whatever the cycles leak on top of it). The client pauses meanwhile, as it has stopped
      // when the counts after the cycles are read: a WildFly task thread that keeps running requests keeps the last
      // request of the undeployed war it ran, and so the war's class loader, in a slot of its stack frame.
      traffic.pause();
      settled(c -> c.unloaded() - deployed.unloaded() > CLASS_MARGIN);
      Counts baseline = threadsSettled();
      traffic.resume();
      report("baseline after the warm-up cycle: %s; the warm-up undeploy unloaded %d classes", baseline,
          baseline.unloaded() - deployed.unloaded());
      report("threads by name at the baseline: %s", threadNames());
      assertThat(exporterThreads()).as("exporter threads after the warm-up undeploy").isEmpty();

      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        deployAndAwaitTraffic(traffic);
        deployer.undeploy(SampleApp.NAME);
      }
      traffic.stop();
      client.join(Duration.ofSeconds(30).toMillis());
      report("traffic: %d requests, %d answered 2xx, %d other statuses, %d failed to connect or timed out",
          traffic.sent.get(), traffic.ok.size(), traffic.otherStatus.get(), traffic.failed.get());

      // 1. Threads and classes back to the baseline, within the margins.
      Counts after = settled(c -> c.threads() <= baseline.threads() + THREAD_MARGIN
          && c.classes() <= baseline.classes() + CLASS_MARGIN);
      report("after %d cycles: %s (baseline %s; margins %d threads, %d classes)", CYCLES, after, baseline,
          THREAD_MARGIN, CLASS_MARGIN);
      report("threads by name after the cycles: %s", threadNames());
      // Read before any check fails, so that a run reports all three.
      Set<String> answered = new TreeSet<>(traffic.ok);
      Set<String> traced = awaitTraced(answered);
      Set<String> lost = new TreeSet<>(answered);
      lost.removeAll(traced);
      report("spans: %d of %d requests answered 2xx have their server span at the Collector", answered.size() - lost.size(),
          answered.size());
      assertThat(after.threads()).as("live threads after %d cycles, baseline %d", CYCLES, baseline.threads())
          .isLessThanOrEqualTo(baseline.threads() + THREAD_MARGIN);
      assertThat(after.classes()).as("loaded classes after %d cycles, baseline %d", CYCLES, baseline.classes())
          .isLessThanOrEqualTo(baseline.classes() + CLASS_MARGIN);

      // 2. No exporter thread survives.
      assertThat(exporterThreads()).as("OpenTelemetry SDK and sender threads alive after the last undeploy").isEmpty();

      // 3. Every request answered with a 2xx has its server span at the Collector: its id is in url.path.
      assertThat(answered).as("requests answered 2xx").hasSizeGreaterThanOrEqualTo(CYCLES + 1);
      assertThat(lost).as("requests answered 2xx without a server span at the Collector").isEmpty();
    } finally {
      traffic.stop();
      client.join(Duration.ofSeconds(30).toMillis());
    }
  }

  /** Deploys, then waits until the client got a 2xx from this deployment, so every cycle is undeployed under load. */
  private void deployAndAwaitTraffic(Traffic traffic) throws InterruptedException {
    deployer.deploy(SampleApp.NAME);
    int before = traffic.ok.size();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (traffic.ok.size() == before) {
      assertThat(System.nanoTime()).as("a 2xx from the deployed application within %s", DEADLINE).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** Ids of the answered requests whose server span reached the Collector, waiting up to the deadline for all. */
  private Set<String> awaitTraced(Set<String> answered) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      Set<String> traced = sink.spans().stream()
          .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER)
          .map(s -> String.valueOf(s.attributes().get("url.path")))
          .filter(p -> p.startsWith(STOCK_PATH))
          .map(p -> p.substring(STOCK_PATH.length()))
          .collect(Collectors.toSet());
      if (traced.containsAll(answered) || System.nanoTime() > deadline) {
        return traced;
      }
      Thread.sleep(200);
    }
  }

  /**
   * Counts read after two forced GCs, repeated (a class unloads only once its loader is collected, and an
   * exporter's selector thread ends only once its HttpClient is) until they meet the condition or the deadline.
   */
  private Counts settled(Predicate<Counts> condition) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
    Counts counts;
    do {
      gc();
      gc();
      counts = new Counts(readInt("threading", "thread-count"), readInt("class-loading", "loaded-class-count"),
          readInt("class-loading", "unloaded-class-count"));
      if (condition.test(counts)) {
        return counts;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    return counts;
  }

  /**
   * Counts once the thread count has not dropped for {@link #THREADS_QUIET}, so that the baseline is not read while
   * the pools still retire the threads the warm-up started (at most {@link #SETTLE_DEADLINE}).
   */
  private Counts threadsSettled() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
    Counts counts = settled(c -> true);
    int lowest = counts.threads();
    long since = System.nanoTime();
    while (System.nanoTime() - since < THREADS_QUIET.toNanos() && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      counts = settled(c -> true);
      if (counts.threads() < lowest) {
        lowest = counts.threads();
        since = System.nanoTime();
      }
    }
    return counts;
  }

  /** Live threads grouped by name with digits masked, for the report: {@code default task-#=12, ...}. */
  private java.util.Map<String, Long> threadNames() {
    return dumpThreads().stream().map(n -> n.replaceAll("[0-9]+", "#"))
        .collect(Collectors.groupingBy(n -> n, java.util.TreeMap::new, Collectors.counting()));
  }

  private List<String> dumpThreads() {
    ModelNode dump = platformMBean("threading");
    dump.get("operation").set("dump-all-threads");
    dump.get("locked-monitors").set(false);
    dump.get("locked-synchronizers").set(false);
    List<String> names = new ArrayList<>();
    for (ModelNode thread : execute(dump).asList()) {
      names.add(thread.get("thread-name").asString());
    }
    return names;
  }

  private List<String> exporterThreads() throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    List<String> found;
    do {
      gc();
      found = new ArrayList<>();
      for (String name : dumpThreads()) {
        if (EXPORTER_THREADS.stream().anyMatch(name::startsWith)) {
          found.add(name);
        }
      }
      if (found.isEmpty()) {
        return found;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    return found;
  }

  private void gc() {
    ModelNode gc = platformMBean("memory");
    gc.get("operation").set("gc");
    execute(gc);
  }

  private int readInt(String type, String attribute) {
    ModelNode read = platformMBean(type);
    read.get("operation").set("read-attribute");
    read.get("name").set(attribute);
    return execute(read).asInt();
  }

  private static ModelNode platformMBean(String type) {
    ModelNode op = new ModelNode();
    op.get("address").add("core-service", "platform-mbean").add("type", type);
    return op;
  }

  private ModelNode execute(ModelNode op) {
    try {
      ModelNode response = management.getControllerClient().execute(op);
      assertThat(response.get("outcome").asString()).as("%s answered %s", op, response).isEqualTo("success");
      return response.get("result");
    } catch (IOException e) {
      throw new AssertionError(op + " failed", e);
    }
  }

  private static void report(String format, Object... args) {
    System.out.println("[redeploy] " + String.format(format, args));
  }

  record Counts(int threads, int classes, int unloaded) {
    @Override
    public String toString() {
      return threads + " threads, " + classes + " classes (" + unloaded + " unloaded so far)";
    }
  }

  /** One client thread: GET .../api/stock/rd-N, N counting up, with a short pause; bounded in count. */
  static final class Traffic implements Runnable {
    final URI stock;
    final Set<String> ok = ConcurrentHashMap.newKeySet();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger otherStatus = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();

    Traffic(URI stock) {
      this.stock = stock;
    }

    void stop() {
      stopped.set(true);
    }

    void pause() {
      paused.set(true);
    }

    void resume() {
      paused.set(false);
    }

    @Override
    public void run() {
      while (!stopped.get() && sent.get() < MAX_REQUESTS) {
        if (paused.get()) {
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
        String id = "rd-" + sent.incrementAndGet();
        try {
          HttpResponse<String> response = HTTP.send(
              HttpRequest.newBuilder(stock.resolve(id)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() / 100 == 2) {
            ok.add(id);
          } else {
            otherStatus.incrementAndGet();
          }
        } catch (IOException e) {
          failed.incrementAndGet();
        } catch (InterruptedException e) {
          return;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
