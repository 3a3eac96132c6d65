package dev.mpotel.benchmarks.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** The endpoint under load: {@code GET /hello/api/hello} answers {@code hello}, as in the research anchors. */
@Path("/hello")
@ApplicationScoped
public class Hello {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String hello() {
    return "hello";
  }

  /** The Jakarta REST application, under {@code /api}. */
  @ApplicationPath("/api")
  public static class Api extends Application {}
}
