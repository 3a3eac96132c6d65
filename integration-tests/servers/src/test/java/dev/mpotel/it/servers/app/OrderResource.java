package dev.mpotel.it.servers.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The front door of the sample shop. Placing an order logs through {@code java.util.logging}, calls a
 * {@code @WithSpan} service, a {@code @Traced} bean and a {@code @Counted}/{@code @Timed} method, and asks the
 * stock resource of this same application twice over HTTP: through a MicroProfile Rest Client and through the
 * Jakarta REST client.
 */
@Path("/orders")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {

  // Not under dev.mpotel: mp-otel never bridges records of its own loggers (dev.mpotel.*).
  private static final Logger LOG = Logger.getLogger("shop.orders");

  @Inject Inventory inventory;
  @Inject Pricing pricing;
  @Inject Checkout checkout;
  @Context UriInfo uriInfo;

  @GET
  @Path("/{id}")
  public String place(@PathParam("id") String id) throws Exception {
    LOG.info("placing order " + id);
    inventory.reserve(id);
    long price = pricing.price(id);
    checkout.total(id);
    URI base = uriInfo.getBaseUri();
    String viaRestClient = viaRestClient(base, "rest-client-" + id);
    String viaJakartaClient = viaJakartaClient(base, "jakarta-client-" + id);
    return "order " + id + " price " + price + " stock " + viaRestClient + "/" + viaJakartaClient;
  }

  @GET
  @Path("/{id}/async")
  public void placeLater(@PathParam("id") String id, @Suspended AsyncResponse response) {
    inventory.reserve(id);
    CompletableFuture.runAsync(() -> response.resume("order " + id + " placed later"));
  }

  /**
   * Asks the stock resource three times, asynchronously: a Rest Client {@code CompletionStage}, a Jakarta REST
   * {@code async()} call, and one on a client whose executor carries the OpenTelemetry context.
   */
  @GET
  @Path("/{id}/async-clients")
  public String placeWithAsyncClients(@PathParam("id") String id) throws Exception {
    URI base = uriInfo.getBaseUri();
    StockClient stock = RestClientBuilder.newBuilder().baseUri(base).build(StockClient.class);
    Client client = ClientBuilder.newClient();
    // The documented way to carry the context to async() calls wherever the runtime does not (docs/http.md).
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Client wrapping = ClientBuilder.newBuilder().executorService(io.opentelemetry.context.Context.taskWrapping(pool)).build();
    try {
      String viaRestClient = stock.levelLater("async-rest-client-" + id).toCompletableFuture().get(10, TimeUnit.SECONDS);
      String viaJakartaClient = client.target(base).path("stock").path("async-jakarta-client-" + id)
          .request(MediaType.TEXT_PLAIN).async().get(String.class).get(10, TimeUnit.SECONDS);
      String viaWrappingClient = wrapping.target(base).path("stock").path("async-wrapping-client-" + id)
          .request(MediaType.TEXT_PLAIN).async().get(String.class).get(10, TimeUnit.SECONDS);
      return "stock " + viaRestClient + "/" + viaJakartaClient + "/" + viaWrappingClient;
    } finally {
      client.close();
      wrapping.close();
      pool.shutdown();
      if (stock instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  @GET
  @Path("/fail")
  public String fail() {
    throw new IllegalStateException("the shop is closed");
  }

  private static String viaRestClient(URI base, String item) throws Exception {
    StockClient client = RestClientBuilder.newBuilder().baseUri(base).build(StockClient.class);
    try {
      return client.level(item);
    } finally {
      if (client instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  private static String viaJakartaClient(URI base, String item) {
    Client client = ClientBuilder.newClient();
    try {
      return client.target(base).path("stock").path(item).request(MediaType.TEXT_PLAIN).get(String.class);
    } finally {
      client.close();
    }
  }
}
