package dev.mpotel.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;

/** What the server span needs of one request, read once when the request comes in. */
final class ServerRequest {

  private final ContainerRequestContext context;
  private final String route;

  ServerRequest(ContainerRequestContext context, String route) {
    this.context = context;
    this.route = route;
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

  /** Context root, application path and resource template, such as {@code /shop/api/orders/{id}}. */
  String route() {
    return route;
  }
}
