package dev.mpotel.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TracedTest {

  private TestContainer container;

  @BeforeEach
  void start() {
    container = TestContainer.start(TestContainer.enabled(), TracedBeans.Billing.class, TracedBeans.Shipping.class);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  private static List<String> spanNames() {
    return InMemoryTelemetry.current().spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
  }

  @Test
  void everyBusinessMethodOfATracedBeanGetsASpan() {
    TracedBeans.Billing billing = container.select(TracedBeans.Billing.class);

    billing.charge("acc-1");

    assertThat(spanNames()).containsExactly("Billing.charge");
  }

  @Test
  void aMethodWithItsOwnWithSpanIsTracedOnceUnderItsOwnName() {
    container.select(TracedBeans.Billing.class).explicit();

    assertThat(spanNames()).containsExactly("Billing.explicit");
  }

  @Test
  void toStringIsNotTraced() {
    String text = container.select(TracedBeans.Billing.class).toString();

    assertThat(text).isEqualTo("Billing");
    assertThat(spanNames()).isEmpty();
  }

  @Test
  void failureIsRecordedAsError() {
    TracedBeans.Billing billing = container.select(TracedBeans.Billing.class);

    assertThatThrownBy(billing::fail).isInstanceOf(TracedBeans.Failure.class).hasMessage("card declined");

    SpanData span = InMemoryTelemetry.current().spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void onAMethodItTracesOnlyThatMethodWithItsKind() {
    TracedBeans.Shipping shipping = container.select(TracedBeans.Shipping.class);

    shipping.ship();
    shipping.notTraced();

    List<SpanData> spans = InMemoryTelemetry.current().spans.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).containsExactly("Shipping.ship");
    assertThat(spans.get(0).getKind()).isEqualTo(SpanKind.PRODUCER);
  }
}
