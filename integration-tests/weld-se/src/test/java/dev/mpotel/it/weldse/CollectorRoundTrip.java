package dev.mpotel.it.weldse;

import dev.mpotel.it.support.Collector;
import dev.mpotel.it.support.OtlpSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same application exported through a real Collector over one OTLP transport; subclasses say which.
 * What must arrive is asserted in {@link ThroughCollector}.
 */
abstract class CollectorRoundTrip {

  static OtlpSink sink;
  static Collector collector;

  @BeforeAll
  static void startCollector() {
    sink = OtlpSink.start();
    collector = Collector.start(sink);
  }

  @AfterAll
  static void stopCollector() {
    collector.close();
    sink.close();
  }

  @BeforeEach
  void reset() {
    sink.reset();
  }

  abstract String protocol();

  abstract String collectorEndpoint();

  @Test
  void spansArriveWithParentLinksNamesAndResourceOpinions() {
    ThroughCollector.placeOrderAndStop(ThroughCollector.settings(protocol(), collectorEndpoint()));

    ThroughCollector.assertSpans(sink);
  }

  @Test
  void countedTimedAndBusinessMetricsArriveFlushedAtShutdown() {
    ThroughCollector.placeOrderAndStop(ThroughCollector.settings(protocol(), collectorEndpoint()));

    ThroughCollector.assertMetrics(sink);
  }
}
