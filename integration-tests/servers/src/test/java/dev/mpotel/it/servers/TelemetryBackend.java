package dev.mpotel.it.servers;

import dev.mpotel.it.support.Collector;
import dev.mpotel.it.support.OtlpSink;

/**
 * The real OpenTelemetry Collector the deployed application exports to, and the in-JVM sink behind it. One per
 * test JVM (one surefire execution, one server), started on first use: Arquillian builds the deployment, which
 * needs the Collector's endpoint, before any test method runs. The Collector's own shutdown hook stops it when
 * the JVM exits, after Arquillian has undeployed the application and stopped the server, so the final flush
 * still has somewhere to go.
 */
final class TelemetryBackend {

  private static OtlpSink sink;
  private static Collector collector;

  private TelemetryBackend() {}

  static synchronized OtlpSink sink() {
    start();
    return sink;
  }

  static synchronized Collector collector() {
    start();
    return collector;
  }

  private static void start() {
    if (sink == null) {
      sink = OtlpSink.start();
      collector = Collector.start(sink);
    }
  }
}
