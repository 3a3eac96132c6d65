package dev.mpotel.rest;

import static dev.mpotel.testing.RecordingHttpServer.awaitClientSpans;
import static dev.mpotel.testing.RecordingHttpServer.clientSpans;
import static dev.mpotel.testing.RecordingHttpServer.closedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mpotel.testing.RecordingHttpServer;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.concurrent.ThreadContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Rest Client methods returning a {@code CompletionStage}, on RESTEasy's implementation (the one
 * of WildFly and Open Liberty), with mp-otel registered through its {@code RestClientListener} only. Made while
 * serving a Jakarta REST request, the client span is a child of the span current where the method was called,
 * although the request runs on another thread; building a client leaves nothing of the application on the
 * building thread.
 */
class RestClientAsyncTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}

  @Path("/")
  public interface Orders {
    @GET
    @Path("orders")
    CompletionStage<Response> list();

    @GET
    @Path("where")
    CompletionStage<String> contextOnTheRequestThread();
  }

  private final List<AutoCloseable> clients = new ArrayList<>();
  private RecordingHttpServer server;
  private TestContainer container;

  @BeforeEach
  void start() throws IOException {
    server = RecordingHttpServer.start();
    container = TestContainer.start(TestContainer.enabled(), Anchor.class);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
    container.close();
    server.close();
  }

  /** Builds the client, closed after the test (RESTEasy's proxies are {@code AutoCloseable}). */
  private Orders build(RestClientBuilder builder) {
    Orders orders = builder.build(Orders.class);
    clients.add((AutoCloseable) orders);
    return orders;
  }

  @Test
  void aCompletionStageCallMadeWhileServingARequestIsAChildOfTheSpanCurrentWhereTheMethodWasCalled() throws Exception {
    RestClientBuilder builder = RestClientBuilder.newBuilder();
    Orders orders = build(builder.baseUri(URI.create(server.base())));
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("caller").startSpan();
    CompletionStage<Response> stage;
    try (ResteasyContext.CloseableContext request = RestEasyRequests.servingARequest(builder); Scope ignored = parent.makeCurrent()) {
      stage = orders.list();
    } finally {
      parent.end();
    }
    stage.toCompletableFuture().get(10, TimeUnit.SECONDS).close();

    awaitClientSpans(1);
    SpanData span = clientSpans().get(0);
    assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(server.traceparent("/orders")).contains(span.getSpanContext().getSpanId());
  }

  @Test
  void theCallersContextIsGoneFromTheClientThreadOnceTheCallIsOver() throws Exception {
    RestClientBuilder builder = RestClientBuilder.newBuilder();
    Orders orders = build(builder.baseUri(URI.create(server.base())));
    Span parent = container.select(Tracer.class).spanBuilder("caller").startSpan();
    Context[] afterwards = new Context[1];
    try (ResteasyContext.CloseableContext request = RestEasyRequests.servingARequest(builder); Scope ignored = parent.makeCurrent()) {
      orders.list().thenAccept(response -> response.close()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    // A task on the same pool after the call: it must not see the caller's span.
    orders.list().thenAccept(response -> afterwards[0] = Context.current()).toCompletableFuture().get(10, TimeUnit.SECONDS);

    awaitClientSpans(2);
    assertThat(Span.fromContext(afterwards[0]).getSpanContext().getSpanId()).isNotEqualTo(parent.getSpanContext().getSpanId());
  }

  @Test
  void aCompletionStageCallWhoseConnectionFailsEndsItsSpanAsAnError() throws Exception {
    RestClientBuilder builder = RestClientBuilder.newBuilder();
    Orders unreachable = build(builder.baseUri(URI.create("http://127.0.0.1:" + closedPort())));

    try (ResteasyContext.CloseableContext request = RestEasyRequests.servingARequest(builder)) {
      assertThatThrownBy(() -> unreachable.list().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    awaitClientSpans(1);
    SpanData span = clientSpans().get(0);
    assertThat(span.hasEnded()).isTrue();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isNotNull();
  }

  /**
   * RESTEasy stores the interceptor factories of a client in the context data of the thread that builds it,
   * which outside a request nobody clears: mp-otel registers none there, so nothing of the application stays
   * on a server thread. A call made outside a request still gets its client span, in a trace of its own.
   */
  @Test
  void buildingAClientOutsideARequestLeavesNothingOnTheThreadAndItsCallsAreStillTraced() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Object leftOver = thread.submit(() -> {
        build(RestClientBuilder.newBuilder().baseUri(URI.create(server.base()))).list().toCompletableFuture().get(10, TimeUnit.SECONDS).close();
        Map<Class<?>, Object> data = ResteasyContext.getContextDataMap(false);
        return data == null ? null : data.get(ThreadContexts.class);
      }).get(20, TimeUnit.SECONDS);

      assertThat(leftOver).isNull();
    } finally {
      thread.shutdownNow();
    }
    awaitClientSpans(1);
    assertThat(clientSpans().get(0).getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void onlyRestEasysThreadKeepingBuilderGoesWithoutTheInterceptorFactory() {
    assertThat(RestClientTelemetryListener.keepsInterceptorFactoriesOnTheThread(RestClientBuilder.newBuilder())).isTrue();
    RestClientBuilder other = (RestClientBuilder) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RestClientBuilder.class}, (proxy, method, args) -> null);
    assertThat(RestClientTelemetryListener.keepsInterceptorFactoriesOnTheThread(other)).isFalse();
  }
}
