package dev.mpotel.rest.jersey;

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
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta REST client spans on Jersey's client (Payara's), with nothing registered by hand: the filter
 * and the failed-connection hook come from mp-otel's {@code META-INF/services/jakarta.ws.rs.core.Feature}.
 * Runs in its own surefire execution, without RESTEasy on the class path.
 */
class JerseyClientSpanTest {

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
  void theClientIsJerseysAndARequestIsAClientSpanThatCarriesItsTraceparent() {
    assertThat(client.getClass().getName()).startsWith("org.glassfish.jersey.");
    Tracer tracer = container.select(Tracer.class);
    Span parent = tracer.spanBuilder("caller").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      client.target(server.base() + "/orders").request().get().close();
    } finally {
      parent.end();
    }

    SpanData span = clientSpans().get(0);
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(server.traceparent("/orders")).contains(span.getSpanContext().getSpanId());
  }

  @Test
  void aSyncRequestWhoseConnectionFailsEndsItsSpanBeforeTheCallerSeesTheException() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort() + "/nobody";

    assertThatThrownBy(() -> client.target(closed).request().get()).isInstanceOf(ProcessingException.class);

    // No later request, no enclosing server request: Jersey's hook alone ended it.
    List<SpanData> spans = clientSpans();
    assertThat(spans).hasSize(1);
    SpanData failed = spans.get(0);
    assertThat(failed.hasEnded()).isTrue();
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isEqualTo("java.net.ConnectException");
    assertThat(failed.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  @Test
  void anAsyncRequestWhoseConnectionFailsEndsItsSpanAsAnError() throws Exception {
    String closed = "http://127.0.0.1:" + closedPort() + "/nobody";

    assertThatThrownBy(() -> client.target(closed).request().async().get().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);

    awaitClientSpans(1);
    SpanData failed = clientSpans().get(0);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isEqualTo("java.net.ConnectException");
  }

  @Test
  void anAsyncRequestIsAChildOfTheSpanCurrentWhereItWasMade() throws Exception {
    Span parent = container.select(Tracer.class).spanBuilder("caller").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      client.target(server.base() + "/async").request().async().get().get(10, TimeUnit.SECONDS).close();
    } finally {
      parent.end();
    }

    awaitClientSpans(1);
    assertThat(clientSpans().get(0).getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
  }
}
