package dev.mpotel.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeansTest {

  @Dependent
  static class Client {
    @Inject OpenTelemetry openTelemetry;
    @Inject Tracer tracer;
    @Inject Meter meter;
    @Inject Span span;
    @Inject Baggage baggage;
  }

  private TestContainer container;
  private Client client;

  @BeforeEach
  void start() {
    container = TestContainer.start(TestContainer.enabled(), Client.class);
    client = container.select(Client.class);
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @Test
  void openTelemetryIsTheConfiguredSdk() {
    assertThat(client.openTelemetry).isInstanceOf(OpenTelemetrySdk.class);
  }

  @Test
  void tracerAndMeterUseTheStableScopeName() {
    Span created = client.tracer.spanBuilder("manual").startSpan();
    created.end();
    client.meter.counterBuilder("manual.counter").build().add(1);

    assertThat(InMemoryTelemetry.current().spans.getFinishedSpanItems().get(0).getInstrumentationScopeInfo().getName())
        .isEqualTo("dev.mpotel");
    assertThat(InMemoryTelemetry.current().metrics.collectAllMetrics())
        .anySatisfy(m -> {
          assertThat(m.getName()).isEqualTo("manual.counter");
          assertThat(m.getInstrumentationScopeInfo().getName()).isEqualTo("dev.mpotel");
        });
  }

  @Test
  void injectedSpanIsTheCurrentSpanAtCallTimeWithoutARequestContext() {
    Span first = client.tracer.spanBuilder("first").startSpan();
    Span second = client.tracer.spanBuilder("second").startSpan();
    try (Scope ignored = first.makeCurrent()) {
      assertThat(client.span.getSpanContext()).isEqualTo(first.getSpanContext());
      try (Scope alsoIgnored = second.makeCurrent()) {
        assertThat(client.span.getSpanContext()).isEqualTo(second.getSpanContext());
        client.span.setAttribute("written.through", "yes");
      }
      assertThat(client.span.getSpanContext()).isEqualTo(first.getSpanContext());
    } finally {
      first.end();
      second.end();
    }
    assertThat(client.span.getSpanContext().isValid()).isFalse();
    assertThat(InMemoryTelemetry.current().spans.getFinishedSpanItems())
        .filteredOn(s -> s.getName().equals("second"))
        .singleElement()
        .satisfies(s -> assertThat(s.getAttributes().asMap().toString()).contains("written.through"));
  }

  @Test
  void makeCurrentOnTheInjectedSpanKeepsTheRealSpanCurrent() {
    Span real = client.tracer.spanBuilder("real").startSpan();
    try (Scope ignored = real.makeCurrent(); Scope again = client.span.makeCurrent()) {
      assertThat(Span.current()).isSameAs(real);
    } finally {
      real.end();
    }
  }

  @Test
  void injectedBaggageIsTheCurrentBaggageAtCallTime() {
    assertThat(client.baggage.isEmpty()).isTrue();
    try (Scope ignored = Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      assertThat(client.baggage.getEntryValue("tenant")).isEqualTo("acme");
      assertThat(client.baggage.size()).isEqualTo(1);
    }
    assertThat(client.baggage.getEntryValue("tenant")).isNull();
  }
}
