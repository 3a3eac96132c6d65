package dev.mpotel.tck.servers.inwar;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Several TCK deployments turn the SDK on without naming an exporter; the default {@code otlp} would then
 * try a collector that is not there. This lowest-ordinal source turns the exporters off unless the
 * deployment or a system property names one.
 */
public class ExportersOffByDefault implements ConfigSource {

  private static final Map<String, String> VALUES =
      Map.of("otel.traces.exporter", "discard", "otel.metrics.exporter", "none", "otel.logs.exporter", "none");

  @Override
  public Set<String> getPropertyNames() {
    return VALUES.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return VALUES.get(propertyName);
  }

  @Override
  public String getName() {
    return ExportersOffByDefault.class.getSimpleName();
  }

  /**
   * Lower than any source an application or server defines (MicroProfile Config's own start at 100), but not
   * {@code Integer.MIN_VALUE}: Payara sorts config sources by {@code -(a.getOrdinal() - b.getOrdinal())}, which
   * overflows for {@code Integer.MIN_VALUE} and put this source first, above the deployment's own settings.
   */
  @Override
  public int getOrdinal() {
    return 1;
  }
}
