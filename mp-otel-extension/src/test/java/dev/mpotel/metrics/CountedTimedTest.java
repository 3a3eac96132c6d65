package dev.mpotel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CountedTimedTest {

  private static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("code.function.name");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private TestContainer container;

  @BeforeEach
  void start() {
    container = TestContainer.start(TestContainer.enabled(), MeasuredBeans.Checkout.class, MeasuredBeans.Catalog.class);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  private static MetricData metric(String name) {
    Collection<MetricData> all = InMemoryTelemetry.current().metrics.collectAllMetrics();
    return all.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all.stream().map(MetricData::getName).toList()));
  }

  private static long count(MetricData metric, Attributes attributes) {
    return metric.getLongSumData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).sum();
  }

  @Test
  void countedCountsCallsUnderADefaultNameFromClassAndMethod() {
    MeasuredBeans.Checkout checkout = container.select(MeasuredBeans.Checkout.class);

    checkout.pay(false);
    checkout.pay(false);

    MetricData pay = metric("Checkout.pay.invocations");
    assertThat(pay.getUnit()).isEqualTo("{invocation}");
    assertThat(pay.getLongSumData().isMonotonic()).isTrue();
    assertThat(count(pay, Attributes.of(FUNCTION, MeasuredBeans.Checkout.class.getName() + ".pay"))).isEqualTo(2);
  }

  @Test
  void failuresAreCountedWithErrorTypeAndTheExceptionIsRethrown() {
    MeasuredBeans.Checkout checkout = container.select(MeasuredBeans.Checkout.class);

    checkout.pay(false);
    assertThatThrownBy(() -> checkout.pay(true)).isInstanceOf(IllegalArgumentException.class).hasMessage("declined");

    MetricData pay = metric("Checkout.pay.invocations");
    String function = MeasuredBeans.Checkout.class.getName() + ".pay";
    assertThat(count(pay, Attributes.of(FUNCTION, function))).isEqualTo(1);
    assertThat(count(pay, Attributes.of(FUNCTION, function, ERROR_TYPE, IllegalArgumentException.class.getName()))).isEqualTo(1);
  }

  @Test
  void nameAndDescriptionCanBeSet() {
    container.select(MeasuredBeans.Checkout.class).refund();

    MetricData refunds = metric("checkout.refunds");
    assertThat(refunds.getDescription()).isEqualTo("Refunds issued");
    assertThat(refunds.getLongSumData().getPoints()).hasSize(1);
  }

  @Test
  void timedRecordsSecondsInAHistogramWithSecondBuckets() {
    container.select(MeasuredBeans.Checkout.class).ship();

    MetricData ship = metric("Checkout.ship.duration");
    assertThat(ship.getUnit()).isEqualTo("s");
    HistogramPointData point = ship.getHistogramData().getPoints().iterator().next();
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getSum()).isGreaterThanOrEqualTo(0.0).isLessThan(60.0);
    assertThat(point.getBoundaries()).isEqualTo(MethodMetrics.DURATION_BUCKETS);
  }

  @Test
  void timedCompletionStageIsRecordedWhenTheStageCompletes() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    container.select(MeasuredBeans.Checkout.class).later(pending);

    assertThat(InMemoryTelemetry.current().metrics.collectAllMetrics()).noneMatch(m -> m.getName().equals("checkout.async.duration"));
    pending.completeExceptionally(new IllegalStateException("late"));

    HistogramPointData point = metric("checkout.async.duration").getHistogramData().getPoints().iterator().next();
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getAttributes().get(ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void aNameOnTheTypeIsSharedByItsMethodsToldApartByAttribute() {
    MeasuredBeans.Catalog catalog = container.select(MeasuredBeans.Catalog.class);

    catalog.list();
    catalog.find();
    catalog.find();

    MetricData calls = metric("catalog.calls");
    assertThat(count(calls, Attributes.of(FUNCTION, MeasuredBeans.Catalog.class.getName() + ".list"))).isEqualTo(1);
    assertThat(count(calls, Attributes.of(FUNCTION, MeasuredBeans.Catalog.class.getName() + ".find"))).isEqualTo(2);
    // The JVM's own metrics are on in this container: a garbage collection during the test adds jvm.gc.duration.
    List<String> durations = InMemoryTelemetry.current().metrics.collectAllMetrics().stream().map(MetricData::getName)
        .filter(n -> n.endsWith(".duration") && !n.startsWith("jvm.")).sorted().toList();
    assertThat(durations).containsExactly("Catalog.find.duration", "Catalog.list.duration");
  }
}
