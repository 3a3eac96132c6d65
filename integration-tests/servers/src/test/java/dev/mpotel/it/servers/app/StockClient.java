package dev.mpotel.it.servers.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** MicroProfile Rest Client view of {@link StockResource}. */
@Path("/stock")
public interface StockClient {

  @GET
  @Path("/{item}")
  @Produces(MediaType.TEXT_PLAIN)
  String level(@PathParam("item") String item);
}
