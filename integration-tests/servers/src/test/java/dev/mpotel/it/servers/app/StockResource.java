package dev.mpotel.it.servers.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The second resource, called by {@link OrderResource} over HTTP. */
@Path("/stock")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class StockResource {

  @GET
  @Path("/{item}")
  public String level(@PathParam("item") String item) {
    return "7";
  }
}
