package dev.mpotel.benchmarks.http;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * For the {@code on-minimal} configuration of {@code run.sh} only ({@code -Dbench.minimal-span=true}): registers
 * {@link MinimalSpanFilter}. The filter is named by reflection, so that the war without mp-otel (which has no
 * OpenTelemetry classes) still deploys.
 */
@Provider
public class MinimalSpanFeature implements Feature {

  @Override
  public boolean configure(FeatureContext context) {
    if (!Boolean.getBoolean("bench.minimal-span")) {
      return false;
    }
    try {
      context.register(Class.forName("dev.mpotel.benchmarks.http.MinimalSpanFilter"));
      return true;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
