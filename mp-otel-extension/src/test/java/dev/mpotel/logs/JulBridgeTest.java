package dev.mpotel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JulBridgeTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}


  private static final Logger APP = Logger.getLogger("com.example.shop");

  private static List<Handler> rootHandlers() {
    return Arrays.asList(Logger.getLogger("").getHandlers());
  }

  private static long bridges() {
    return rootHandlers().stream().filter(h -> h instanceof JulBridge).count();
  }

  @Test
  void aRecordCarriesTheTraceAndSpanIdsOfTheCurrentSpan() {
    try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
      Span span = container.select(Tracer.class).spanBuilder("work").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        APP.log(Level.WARNING, "stock low for {0}", "A-1");
      } finally {
        span.end();
      }

      LogRecordData record = InMemoryTelemetry.current().logs.getFinishedLogRecordItems().stream()
          .filter(r -> r.getInstrumentationScopeInfo().getName().equals("com.example.shop")).findFirst().orElseThrow();
      assertThat(record.getBodyValue().asString()).isEqualTo("stock low for A-1");
      assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
      assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
      assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
    }
  }

  /** Like JBoss LogManager's ExtLogRecord on WildFly: printf-style parameters, formatted by the record itself. */
  public static final class PrintfLogRecord extends LogRecord {
    private static final long serialVersionUID = 1L;

    PrintfLogRecord(Level level, String format, Object... parameters) {
      super(level, format);
      setParameters(parameters);
      setLoggerName(APP.getName());
    }

    public String getFormattedMessage() {
      return String.format(getMessage(), getParameters());
    }
  }

  @Test
  void aRecordThatFormatsItselfIsBridgedWithItsParametersFilledIn() {
    try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
      APP.log(new PrintfLogRecord(Level.WARNING, "Registered web context: '%s' for server '%s'", "/shop", "default-server"));

      assertThat(InMemoryTelemetry.current().logs.getFinishedLogRecordItems())
          .extracting(r -> r.getBodyValue().asString())
          .contains("Registered web context: '/shop' for server 'default-server'")
          .doesNotContain("Registered web context: '%s' for server '%s'");
    }
  }

  @Test
  void recordsOfOpenTelemetryAndMpOtelLoggersAreNotBridged() {
    try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
      Logger.getLogger("io.opentelemetry.sdk.trace.export").warning("exporter trouble");
      Logger.getLogger("dev.mpotel.sdk").warning("our own trouble");
      APP.warning("application trouble");

      assertThat(InMemoryTelemetry.current().logs.getFinishedLogRecordItems())
          .extracting(r -> r.getBodyValue().asString())
          .contains("application trouble")
          .doesNotContain("exporter trouble", "our own trouble");
    }
  }

  @Test
  void aRecordLoggedWhileTheBridgeEmitsIsNotFedBackIntoIt() {
    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    Logger processorLogger = Logger.getLogger("com.example.processor");
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor((context, record) -> processorLogger.warning("processing a record"))
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                    .build())
            .build();
    JulBridge bridge = JulBridge.install(sdk, null);
    try {
      APP.warning("once");

      assertThat(exporter.getFinishedLogRecordItems()).extracting(r -> r.getBodyValue().asString()).containsExactly("once");
    } finally {
      bridge.close();
      sdk.close();
    }
  }

  @Test
  void theBridgeIsRemovedWhenTheContainerStops() {
    long before = bridges();
    TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class);
    assertThat(bridges()).isEqualTo(before + 1);

    container.close();

    assertThat(bridges()).isEqualTo(before);
  }

  @Test
  void twentyStartStopCyclesLeaveNoHandlerBehind() {
    List<Handler> before = rootHandlers();

    for (int i = 0; i < 20; i++) {
      try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
        APP.info("cycle " + i);
      }
    }

    assertThat(rootHandlers()).containsExactlyElementsOf(before);
  }

  @Test
  void noHandlerIsInstalledWhenTelemetryIsOff() {
    List<Handler> before = rootHandlers();

    try (TestContainer container = TestContainer.start(Map.of("otel.sdk.disabled", "true"), Anchor.class)) {
      assertThat(rootHandlers()).containsExactlyElementsOf(before);
    }
  }

  @Test
  void noHandlerIsInstalledWhenTheBridgeIsSwitchedOff() {
    Map<String, String> settings = TestContainer.enabled();
    settings.put("mpotel.logs.jul", "none");
    List<Handler> before = rootHandlers();

    try (TestContainer container = TestContainer.start(settings, Anchor.class)) {
      assertThat(rootHandlers()).containsExactlyElementsOf(before);
    }
  }
}
