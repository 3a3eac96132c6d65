package dev.mpotel.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;

/** What the server span needs of one request, read once when the request comes in. */
final class ServerRequest {

  private final ContainerRequestContext context;

  ServerRequest(ContainerRequestContext context) {
    this.context = context;
  }

  ContainerRequestContext context() {
    return context;
  }

  String method() {
    return context.getMethod();
  }

  URI uri() {
    return context.getUriInfo().getRequestUri();
  }
}
