package dev.mpotel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.LogCapture;
import dev.mpotel.testing.OtlpReceiver;
import dev.mpotel.testing.TestContainer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request the server still answers while its application is undeployed (docs/servers.md, "Redeploy", item 5):
 * the container's end waits, within {@code mpotel.shutdown.timeout}, for the server spans still open, so that such a
 * span ends on a running SDK and is exported; a span that never ends holds it no longer than that.
 */
class OpenServerSpansTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}

  private final ExecutorService requestThread = Executors.newSingleThreadExecutor();
  private final ExecutorService responseThread = Executors.newSingleThreadExecutor();
  private OtlpReceiver collector;

  /** What the SDK drops at shutdown never arrives at this Collector. */
  @BeforeEach
  void startCollector() throws IOException {
    collector = OtlpReceiver.start();
  }

  @AfterEach
  void stop() {
    requestThread.shutdownNow();
    responseThread.shutdownNow();
    collector.close();
  }

  /** Telemetry on, spans exported over OTLP in batches that only the flush at shutdown sends. */
  private Map<String, String> exportingAtShutdown() {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.sdk.disabled", "false");
    settings.put("otel.service.name", "open-server-spans");
    settings.put("otel.exporter.otlp.endpoint", collector.endpoint());
    settings.put("otel.bsp.schedule.delay", "60s");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    return settings;
  }

  /**
   * {@code sync}: the response is written on the request thread, as for a request that was running when the undeploy
   * began; {@code async}: on another thread, as for an {@code AsyncResponse} resumed or a {@code CompletionStage}
   * completed later.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sync", "async"})
  void aServerSpanThatEndsWhileTheContainerShutsDownIsExported(String mode) throws Exception {
    TestContainer container = TestContainer.start(exportingAtShutdown(), Anchor.class);
    OpenServerSpans open = container.select(HttpInstrumentation.class).openServerSpans();
    ServerSpanFilter filter = new ServerSpanFilter();
    ContainerRequestContext request = request("/shop/api/orders/" + mode);
    ExecutorService writer = mode.equals("sync") ? requestThread : responseThread;

    requestThread.submit(() -> {
      filter.filter(request);
      if (mode.equals("async")) {
        ServerSpanFilter.handOffToAsyncMethod((ServerExchange) request.getProperty(ServerSpanFilter.EXCHANGE), true);
        ServerContextHandoff.clear();
      }
    }).get(10, TimeUnit.SECONDS);
    assertThat(open.count()).isEqualTo(1);

    Thread closer = new Thread(container::close, "container-shutdown");
    closer.start();
    // Either the container's end waits for the open span, or (without that wait) it has already shut the SDK down.
    while (!open.awaited() && closer.isAlive()) {
      Thread.sleep(5);
    }
    writer.submit(() -> filter.filter(request, response(200))).get(10, TimeUnit.SECONDS);
    closer.join();

    assertThat(collector.traceBodies()).as("what the Collector received").contains("/shop/api/orders/" + mode);
    assertThat(open.count()).isZero();
  }

  @Test
  void aServerSpanThatNeverEndsHoldsTheContainersEndOnlyForTheShutdownTimeoutAndIsReported() throws Exception {
    Map<String, String> settings = exportingAtShutdown();
    settings.put("mpotel.shutdown.timeout", "200ms");
    TestContainer container = TestContainer.start(settings, Anchor.class);
    OpenServerSpans open = container.select(HttpInstrumentation.class).openServerSpans();
    ServerSpanFilter filter = new ServerSpanFilter();
    ContainerRequestContext request = request("/shop/api/abandoned");
    requestThread.submit(() -> filter.filter(request)).get(10, TimeUnit.SECONDS);

    try (LogCapture log = new LogCapture()) {
      container.close();

      assertThat(open.awaited()).as("the container's end waited").isTrue();
      assertThat(log.messages(Level.INFO))
          .anyMatch(message -> message.contains("mpotel.shutdown.timeout") && message.contains("1 of 1 still open"));
    } finally {
      // The abandoned request's thread closes its scope (its span ends on the shut-down SDK).
      requestThread.submit(() -> filter.filter(request, response(500))).get(10, TimeUnit.SECONDS);
    }
    assertThat(open.count()).isZero();
  }

  @Test
  void anExcludedRequestIsNotCounted() throws Exception {
    try (TestContainer container = TestContainer.start(TestContainer.enabled(), Anchor.class)) {
      OpenServerSpans open = container.select(HttpInstrumentation.class).openServerSpans();
      ServerSpanFilter filter = new ServerSpanFilter();
      ContainerRequestContext traced = request("/shop/api/orders/1");
      ContainerRequestContext health = request("/health");

      requestThread.submit(() -> {
        filter.filter(health);
        filter.filter(traced);
      }).get(10, TimeUnit.SECONDS);
      assertThat(open.count()).isEqualTo(1);

      requestThread.submit(() -> filter.filter(traced, response(200))).get(10, TimeUnit.SECONDS);
      assertThat(open.count()).isZero();
    }
  }

  /** A Jakarta REST request context with what {@link ServerSpanFilter} reads. */
  private static ContainerRequestContext request(String path) {
    URI uri = URI.create("http://localhost:8080" + path);
    UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "getRequestUri":
          return uri;
        case "getBaseUri":
          return URI.create("http://localhost:8080/");
        case "getPath":
          return path.substring(1);
        default:
          throw new UnsupportedOperationException(method.getName());
      }
    });
    Map<String, Object> properties = new ConcurrentHashMap<>();
    MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
    return (ContainerRequestContext) Proxy.newProxyInstance(
        ContainerRequestContext.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "getUriInfo":
              return uriInfo;
            case "getMethod":
              return "GET";
            case "getHeaders":
              return headers;
            case "getHeaderString":
              return headers.getFirst((String) args[0]);
            case "getProperty":
              return properties.get((String) args[0]);
            case "setProperty":
              properties.put((String) args[0], args[1]);
              return null;
            case "removeProperty":
              properties.remove((String) args[0]);
              return null;
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            case "toString":
              return "request " + path;
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }

  private static ContainerResponseContext response(int status) {
    MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
    return (ContainerResponseContext) Proxy.newProxyInstance(
        ContainerResponseContext.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "getStatus":
              return status;
            case "getStringHeaders":
              return headers;
            case "toString":
              return "response " + status;
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }
}
