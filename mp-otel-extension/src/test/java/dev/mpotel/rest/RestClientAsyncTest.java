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
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Rest Client methods returning a {@code CompletionStage}, on RESTEasy's implementation, with
 * mp-otel registered through its {@code RestClientListener} only: the client span is a child of the span
 * current where the method was called, although the request runs on another thread.
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

  private RecordingHttpServer server;
  private TestContainer container;

  @BeforeEach
  void start() throws IOException {
    server = RecordingHttpServer.start();
    container = TestContainer.start(TestContainer.enabled(), Anchor.class);
  }

  @AfterEach
  void stop() {
    container.close();
    server.close();
  }

  @Test
  void aCompletionStageCallIsAChildOfTheSpanCurrentWhereTheMethodWasCalled() throws Exception {
    Orders orders = RestClientBuilder.newBuilder().baseUri(URI.create(server.base())).build(Orders.class);
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("caller").startSpan();
    CompletionStage<Response> stage;
    try (Scope ignored = parent.makeCurrent()) {
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
    Orders orders = RestClientBuilder.newBuilder().baseUri(URI.create(server.base())).build(Orders.class);
    Span parent = container.select(Tracer.class).spanBuilder("caller").startSpan();
    Context[] afterwards = new Context[1];
    try (Scope ignored = parent.makeCurrent()) {
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
    Orders unreachable = RestClientBuilder.newBuilder().baseUri(URI.create("http://127.0.0.1:" + closedPort())).build(Orders.class);

    assertThatThrownBy(() -> unreachable.list().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

    awaitClientSpans(1);
    SpanData span = clientSpans().get(0);
    assertThat(span.hasEnded()).isTrue();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isNotNull();
  }
}
