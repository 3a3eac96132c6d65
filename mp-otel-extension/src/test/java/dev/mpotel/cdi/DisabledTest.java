package dev.mpotel.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DisabledTest {

  @Dependent
  static class Client {
    @Inject OpenTelemetry openTelemetry;
    @Inject Tracer tracer;
    @Inject Meter meter;
    @Inject Span span;
    @Inject Baggage baggage;

    @WithSpan
    boolean traced() {
      return Span.current().getSpanContext().isValid();
    }
  }

  private static Map<String, String> exportingButNotEnabled() {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.traces.exporter", "otlp");
    settings.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:4318");
    return settings;
  }

  @Test
  void offByDefaultEveryBeanIsInjectableAndNoOp() {
    try (TestContainer container = TestContainer.start(exportingButNotEnabled(), Client.class)) {
      Client client = container.select(Client.class);

      assertThat(client.openTelemetry).isSameAs(OpenTelemetry.noop());
      assertThat(client.traced()).isFalse();
      assertThat(client.tracer.spanBuilder("x").startSpan().getSpanContext().isValid()).isFalse();
      client.meter.counterBuilder("c").build().add(1);
      assertThat(client.span.getSpanContext().isValid()).isFalse();
      assertThat(client.baggage.isEmpty()).isTrue();
    }
  }

  @Test
  void disabledStartsNoThreadAndOpensNoSocket() throws Exception {
    // Warm up class loading and Weld's own threads, so only what mp-otel adds is compared.
    try (TestContainer warmUp = TestContainer.start(exportingButNotEnabled(), Client.class)) {
      warmUp.select(Client.class).traced();
    }
    Set<String> threadsBefore = threadNames();
    long socketsBefore = openSockets();

    try (TestContainer container = TestContainer.start(exportingButNotEnabled(), Client.class)) {
      Client client = container.select(Client.class);
      client.traced();
      client.meter.counterBuilder("c").build().add(1);

      assertThat(threadNames()).isSubsetOf(threadsBefore);
      assertThat(openSockets()).isEqualTo(socketsBefore);
    }
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
  }

  /** Sockets this JVM holds, from /proc (Linux, where CI runs). */
  private static long openSockets() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }
}
