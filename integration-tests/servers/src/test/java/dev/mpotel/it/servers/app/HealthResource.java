package dev.mpotel.it.servers.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A health check, which {@code mpotel.http.exclude} leaves out of traces and metrics by default. */
@Path("/health")
@ApplicationScoped
public class HealthResource {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String health() {
    return "UP";
  }
}
