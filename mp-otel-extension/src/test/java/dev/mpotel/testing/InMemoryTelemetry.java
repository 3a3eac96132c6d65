package dev.mpotel.testing;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Test SPI: when {@code otel.test.memory=true}, every SDK the extension builds also sends its spans,
 * metrics and logs to fresh in-memory exporters, reachable through {@link #current()}.
 */
public final class InMemoryTelemetry implements AutoConfigurationCustomizerProvider {

  private static volatile Exporters current;

  /** The exporters of the SDK built last. */
  public static Exporters current() {
    return current;
  }

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    Exporters exporters = new Exporters();
    customizer.addTracerProviderCustomizer(
        (builder, config) -> {
          if (!config.getBoolean("otel.test.memory", false)) {
            return builder;
          }
          current = exporters;
          return builder.addSpanProcessor(SimpleSpanProcessor.create(exporters.spans));
        });
    customizer.addMeterProviderCustomizer(
        (builder, config) -> config.getBoolean("otel.test.memory", false) ? builder.registerMetricReader(exporters.metrics) : builder);
    customizer.addLoggerProviderCustomizer(
        (builder, config) -> {
          if (!config.getBoolean("otel.test.memory", false)) {
            return builder;
          }
          return builder.addLogRecordProcessor(SimpleLogRecordProcessor.create(exporters.logs));
        });
  }

  /** One SDK's in-memory exporters. */
  public static final class Exporters {
    public final InMemorySpanExporter spans = InMemorySpanExporter.create();
    public final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    public final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
  }
}
