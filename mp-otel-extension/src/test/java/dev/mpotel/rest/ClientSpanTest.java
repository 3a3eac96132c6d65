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
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.concurrent.ThreadContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jakarta REST client spans, on RESTEasy's client with the filter registered through the Providers file. */
class ClientSpanTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}

  private RecordingHttpServer server;
  private TestContainer container;
  private Client client;

  @BeforeEach
  void start() throws IOException {
    server = RecordingHttpServer.start();
    container = TestContainer.start(TestContainer.enabled(), Anchor.class);
    client = ClientBuilder.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    container.close();
    server.close();
  }

  @Test
  void aRequestIsAClientSpanChildOfTheCurrentSpanAndCarriesItsTraceparent() {
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("caller").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      client.target(server.base() + "/orders").queryParam("page", 2).request().get().close();
    } finally {
      parent.end();
    }

    SpanData span = clientSpans().get(0);
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(span.getAttributes().get(UrlAttributes.URL_FULL)).isEqualTo(server.base() + "/orders?page=2");
    assertThat(span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(server.traceparent("/orders")).contains(span.getSpanContext().getSpanId());
  }

  @Test
  void urlFullNeverCarriesCredentials() {
    String port = String.valueOf(server.port());

    client.target("http://alice:s3cret@127.0.0.1:" + port + "/private").request().get().close();

    String urlFull = clientSpans().get(0).getAttributes().get(UrlAttributes.URL_FULL);
    assertThat(urlFull).doesNotContain("s3cret").doesNotContain("alice").endsWith("127.0.0.1:" + port + "/private");
  }

  @Test
  void aServerErrorResponseMakesTheClientSpanAnError() {
    client.target(server.base() + "/fail").request().get().close();

    SpanData span = clientSpans().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isEqualTo("503");
  }

  @Test
  void anAsyncRequestWhoseConnectionFailsEndsItsSpanAsAnError() throws Exception {
    String closed = "http://127.0.0.1:" + closedPort() + "/nobody";

    try (ResteasyContext.CloseableContext request = RestEasyRequests.servingARequest(client)) {
      assertThatThrownBy(() -> client.target(closed).request().async().get().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }

    awaitClientSpans(1);
    SpanData span = clientSpans().get(0);
    assertThat(span.hasEnded()).isTrue();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(ErrorAttributes.ERROR_TYPE)).endsWith("NoResponseException");
  }

  @Test
  void anAsyncRequestMadeWhileServingARequestIsAChildOfTheSpanCurrentWhereItWasMade() throws Exception {
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("caller").startSpan();
    try (ResteasyContext.CloseableContext request = RestEasyRequests.servingARequest(client); Scope ignored = parent.makeCurrent()) {
      Response response = client.target(server.base() + "/async").request().async().get().get(10, TimeUnit.SECONDS);
      response.close();
    } finally {
      parent.end();
    }

    awaitClientSpans(1);
    assertThat(clientSpans().get(0).getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(server.traceparent("/async")).contains(parent.getSpanContext().getTraceId());
  }

  @Test
  void theContextCarrierIsOnlyForRestEasy() {
    try (ResteasyContext.CloseableContext request = ResteasyContext.addCloseableContextDataLevel()) {
      assertThat(RestEasyThreadContext.addToCurrentRequest(new Object())).isFalse();
      assertThat(ResteasyContext.getContextData(ThreadContexts.class)).isNull();
    }
  }

  @Test
  void aSyncRequestWhoseConnectionFailsEndsItsSpanNoLaterThanTheThreadsNextRequest() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort() + "/nobody";

    assertThatThrownBy(() -> client.target(closed).request().get()).isInstanceOf(ProcessingException.class);
    client.target(server.base() + "/next").request().get().close();

    List<SpanData> spans = clientSpans();
    assertThat(spans).hasSize(2);
    SpanData failed = spans.stream().filter(s -> s.getAttributes().get(UrlAttributes.URL_FULL).equals(closed)).findFirst().orElseThrow();
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }
}
