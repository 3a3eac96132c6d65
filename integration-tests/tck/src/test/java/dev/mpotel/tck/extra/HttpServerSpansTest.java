package dev.mpotel.tck.extra;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.telemetry.tracing.tck.TestLibraries;
import org.eclipse.microprofile.telemetry.tracing.tck.exporter.InMemorySpanExporter;
import org.eclipse.microprofile.telemetry.tracing.tck.exporter.InMemorySpanExporterProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.testng.Arquillian;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * mp-otel's own server-span behaviour beyond the TCK, on the same embedded stack: a request that matches
 * no resource is still a server span (named by its method alone, without {@code http.route}), a matched
 * one carries its route, and the default exclusion leaves the health endpoint out.
 */
public class HttpServerSpansTest extends Arquillian {

  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  @Deployment
  public static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class)
        .addClasses(InMemorySpanExporter.class, InMemorySpanExporterProvider.class, Api.class, Hello.class, Health.class)
        .addAsServiceProvider(ConfigurableSpanExporterProvider.class, InMemorySpanExporterProvider.class)
        .addAsLibrary(TestLibraries.AWAITILITY_LIB)
        .addAsResource(new StringAsset("otel.sdk.disabled=false\notel.traces.exporter=in-memory"), "META-INF/microprofile-config.properties")
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @ArquillianResource private URL url;
  @Inject private InMemorySpanExporter spanExporter;

  @BeforeMethod
  void reset() {
    if (spanExporter != null) {
      spanExporter.reset();
    }
  }

  @Test
  public void aRequestThatMatchesNoResourceIsAServerSpanNamedByItsMethod() {
    assertEquals(get("api/nothing/here"), 404);

    SpanData span = onlyServerSpan(1);
    assertEquals(span.getName(), "GET");
    assertNull(span.getAttributes().get(HTTP_ROUTE));
    assertEquals(span.getAttributes().get(STATUS), Long.valueOf(404));
    assertEquals(span.getStatus().getStatusCode(), StatusCode.UNSET, "a 4xx is the client's error, not the server's");
  }

  @Test
  public void aMatchedRequestIsNamedAfterItsRoute() {
    assertEquals(get("api/hello/7"), 200);

    SpanData span = onlyServerSpan(1);
    String route = contextRoot() + "/api/hello/{id}";
    assertEquals(span.getName(), "GET " + route);
    assertEquals(span.getAttributes().get(HTTP_ROUTE), route);
  }

  @Test
  public void theHealthEndpointIsLeftOutByDefault() {
    assertEquals(get("api/health"), 200);
    assertEquals(get("api/hello/1"), 200);

    // Two client spans (this test's calls) and one server span: none for the health endpoint.
    SpanData span = onlyServerSpan(2);
    assertEquals(span.getAttributes().get(HTTP_ROUTE), contextRoot() + "/api/hello/{id}");
  }

  /**
   * Waits for exactly this test's client spans (its own calls run in the container, so they are traced
   * too) plus one server span, and returns the server span.
   */
  private SpanData onlyServerSpan(int clientCalls) {
    List<SpanData> spans = spanExporter.getFinishedSpanItems(clientCalls + 1);
    List<SpanData> server = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).collect(Collectors.toList());
    assertEquals(server.size(), 1, "server spans: " + server);
    return server.get(0);
  }

  private int get(String path) {
    Client client = ClientBuilder.newClient();
    try (Response response = client.target(url.toString()).path(path).request().get()) {
      return response.getStatus();
    } finally {
      client.close();
    }
  }

  private String contextRoot() {
    String path = url.getPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  @ApplicationPath("api")
  public static class Api extends Application {}

  @Path("hello")
  public static class Hello {
    @GET
    @Path("{id}")
    public String hello(@PathParam("id") String id) {
      return "hello " + id;
    }
  }

  @Path("health")
  public static class Health {
    @GET
    public String health() {
      return "UP";
    }
  }
}
