package dev.mpotel.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WithSpanTest {

  private TestContainer container;
  private TracedBeans.Orders orders;

  @BeforeEach
  void start() {
    container = TestContainer.start(TestContainer.enabled(), TracedBeans.Orders.class, TracedBeans.Inventory.class);
    orders = container.select(TracedBeans.Orders.class);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  private static List<SpanData> spans() {
    return InMemoryTelemetry.current().spans.getFinishedSpanItems();
  }

  private static SpanData span(String name) {
    return spans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no span " + name + " in " + spans()));
  }

  @Test
  void defaultNameIsSimpleClassNameDotMethodAndKindInternal() {
    orders.place("A-1", 2, "x");

    SpanData place = span("Orders.place");
    assertThat(place.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(place.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(place.getInstrumentationScopeInfo().getName()).isEqualTo("dev.mpotel");
  }

  @Test
  void nestedCallIsAChildOfTheCallersSpan() {
    String result = orders.place("A-1", 2, "x");

    SpanData place = span("Orders.place");
    SpanData reserve = span("Inventory.reserve");
    assertThat(reserve.getParentSpanId()).isEqualTo(place.getSpanId());
    assertThat(reserve.getTraceId()).isEqualTo(place.getTraceId());
    assertThat(result).endsWith(reserve.getSpanId());
  }

  @Test
  void spanIsAChildOfTheCurrentSpan() {
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      orders.named();
    } finally {
      parent.end();
    }

    assertThat(span("custom-name").getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
  }

  @Test
  void inheritContextFalseStartsANewTrace() {
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      orders.root();
    } finally {
      parent.end();
    }

    SpanData root = span("Orders.root");
    assertThat(root.getParentSpanContext().isValid()).isFalse();
    assertThat(root.getTraceId()).isNotEqualTo(parent.getSpanContext().getTraceId());
  }

  @Test
  void annotationValueAndKindAreUsed() {
    orders.named();

    assertThat(span("custom-name").getKind()).isEqualTo(SpanKind.CLIENT);
  }

  @Test
  void spanAttributeParametersBecomeAttributesWithTheirTypes() {
    orders.place("A-1", 2, "not an attribute");

    SpanData place = span("Orders.place");
    assertThat(place.getAttributes().get(AttributeKey.stringKey("order.id"))).isEqualTo("A-1");
    assertThat(place.getAttributes().get(AttributeKey.longKey("order.quantity"))).isEqualTo(2L);
    assertThat(place.getAttributes().size()).isEqualTo(2);
  }

  @Test
  void listsBooleansAndDoublesKeepTheirTypeAndNullIsLeftOut() {
    orders.tags(List.of("a", "b"), true, 0.5, null);

    SpanData tags = span("Orders.tags");
    assertThat(tags.getAttributes().get(AttributeKey.stringArrayKey("tags"))).containsExactly("a", "b");
    assertThat(tags.getAttributes().get(AttributeKey.booleanKey("flag"))).isTrue();
    assertThat(tags.getAttributes().get(AttributeKey.doubleKey("ratio"))).isEqualTo(0.5);
    assertThat(tags.getAttributes().get(AttributeKey.stringKey("missing"))).isNull();
  }

  @Test
  void exceptionSetsErrorIsRecordedEndsTheSpanAndIsRethrownUnchanged() {
    TracedBeans.Failure failure = new TracedBeans.Failure("boom");

    assertThatThrownBy(() -> orders.fail(failure)).isSameAs(failure);

    SpanData fail = span("Orders.fail");
    assertThat(fail.hasEnded()).isTrue();
    assertThat(fail.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(fail.getEvents()).anySatisfy(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("boom");
    });
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void completionStageEndsTheSpanWhenItCompletesNotWhenTheMethodReturns() {
    CompletableFuture<String> pending = new CompletableFuture<>();

    CompletableFuture<String> returned = orders.later(pending);

    assertThat(returned).isSameAs(pending);
    assertThat(spans()).noneMatch(s -> s.getName().equals("Orders.later"));
    pending.complete("done");
    assertThat(span("Orders.later").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void failedCompletionStageSetsErrorWithTheUnwrappedCause() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    orders.later(pending);

    pending.completeExceptionally(new TracedBeans.Failure("async boom"));

    SpanData later = span("Orders.later");
    assertThat(later.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(later.getEvents()).anySatisfy(event ->
        assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type"))).endsWith("Failure"));
  }

  @Test
  void methodsWithoutTheAnnotationAreNotTraced() {
    orders.plain();

    assertThat(spans()).isEmpty();
  }
}
