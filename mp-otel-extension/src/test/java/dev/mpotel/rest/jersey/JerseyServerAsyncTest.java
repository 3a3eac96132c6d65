package dev.mpotel.rest.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mpotel.testing.InMemoryTelemetry;
import dev.mpotel.testing.TestContainer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ManagedAsync;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asynchronous resource methods on Jersey's server (Payara's), for a resource class that Jersey creates itself
 * (not a CDI bean, so no CDI interceptor runs on it), with nothing registered by hand: the server span is
 * current inside the method, no scope is left open on the request thread, and the span ends when the response
 * is written on another thread, also for methods that Jersey runs on its managed executor ({@code @ManagedAsync}),
 * whichever way they answer. Jersey runs in memory ({@link ApplicationHandler#apply}); runs in its own
 * surefire execution, without RESTEasy on the class path.
 */
class JerseyServerAsyncTest {

  /** Weld SE needs one bean class. */
  static class Anchor {}

  private static final ExecutorService WORKERS = Executors.newSingleThreadExecutor();

  /** A root resource class without a bean-defining annotation, as in the TCK's war without beans.xml. */
  @Path("async")
  public static class AsyncResource {

    @GET
    @Path("stage")
    public CompletionStage<String> stage() {
      String inMethod = Span.current().getSpanContext().getSpanId();
      return CompletableFuture.supplyAsync(() -> inMethod + "/" + Span.current().getSpanContext().getSpanId(), Context.taskWrapping(WORKERS));
    }

    @GET
    @Path("suspended")
    public void suspended(@Suspended AsyncResponse response) {
      String inMethod = Span.current().getSpanContext().getSpanId();
      Context.taskWrapping(WORKERS).execute(() -> response.resume(inMethod + "/" + Span.current().getSpanContext().getSpanId()));
    }

    /** Jersey runs it on its managed executor; the request thread returns before it does. */
    @GET
    @Path("managed")
    @ManagedAsync
    public String managed() {
      String inMethod = Span.current().getSpanContext().getSpanId();
      return inMethod + "/" + inMethod;
    }

    @GET
    @Path("managed-suspended")
    @ManagedAsync
    public void managedSuspended(@Suspended AsyncResponse response) {
      String inMethod = Span.current().getSpanContext().getSpanId();
      Context.taskWrapping(WORKERS).execute(() -> response.resume(inMethod + "/" + Span.current().getSpanContext().getSpanId()));
    }

    @GET
    @Path("sync")
    public String sync() {
      String inMethod = Span.current().getSpanContext().getSpanId();
      return inMethod + "/" + inMethod;
    }
  }

  private TestContainer container;
  private ApplicationHandler jersey;

  @BeforeEach
  void start() {
    container = TestContainer.start(TestContainer.enabled(), Anchor.class);
    jersey = new ApplicationHandler(new ResourceConfig(AsyncResource.class));
  }

  @AfterEach
  void stop() {
    container.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stage", "suspended", "sync", "managed", "managed-suspended"})
  void theServerSpanIsCurrentInTheMethodAndItsTaskAndNoScopeOutlivesTheRequest(String path) throws Exception {
    ContainerRequest request =
        new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost/async/" + path), "GET", null, new MapPropertiesDelegate(), jersey.getConfiguration());

    Future<ContainerResponse> written = jersey.apply(request);
    assertThat(Context.current()).as("the context on the request thread once Jersey returns it").isSameAs(Context.root());
    ContainerResponse response = written.get(10, TimeUnit.SECONDS);

    assertThat(response.getStatus()).isEqualTo(200);
    List<SpanData> servers = InMemoryTelemetry.current().spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
    assertThat(servers).hasSize(1);
    String serverSpanId = servers.get(0).getSpanId();
    assertThat(response.getEntity()).as("span ids seen in the method / in its task").isEqualTo(serverSpanId + "/" + serverSpanId);
  }
}
