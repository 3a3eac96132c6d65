package dev.mpotel.it.servers.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/**
 * MicroProfile Rest Client view of {@link StockResource}. The path is on the method, not on the interface: Jersey
 * (Payara) registers every {@code @Path} type of a war as a root resource, interfaces included, and would find
 * this one ambiguous with {@link StockResource}.
 */
public interface StockClient {

  @GET
  @Path("/stock/{item}")
  @Produces(MediaType.TEXT_PLAIN)
  String level(@PathParam("item") String item);

  @GET
  @Path("/stock/{item}")
  @Produces(MediaType.TEXT_PLAIN)
  CompletionStage<String> levelLater(@PathParam("item") String item);
}
