package dev.mpotel.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;

/**
 * What the server span needs of one request, read once when the request comes in: the extractors ask for
 * the method and the {@code URI} several times each, and every call through the runtime's request context
 * costs a few indirections (RESTEasy builds the {@code URI} on first use).
 */
final class ServerRequest {

  private final ContainerRequestContext context;
  private final String method;
  private final URI uri;
  private final String basePath;

  /**
   * @param basePath the raw path of the application's base URI (context root and application path), or
   *     {@code null} when it could not be told from the request path; see {@link #basePath(String, String)}
   */
  ServerRequest(ContainerRequestContext context, URI uri, String basePath) {
    this.context = context;
    this.method = context.getMethod();
    this.uri = uri;
    this.basePath = basePath;
  }

  ContainerRequestContext context() {
    return context;
  }

  String method() {
    return method;
  }

  URI uri() {
    return uri;
  }

  /**
   * The raw path of the base URI, or {@code null} when unknown (then ask the runtime's {@code UriInfo}). Telling it
   * from the two paths the span filter already has spares the runtime building the base {@code URI} (RESTEasy
   * parses one per request when asked).
   */
  String basePath() {
    return basePath;
  }

  /**
   * The base path of a request: its full raw path without the raw path within the application, which both
   * runtimes give with ({@code RESTEasy}) or without (Jersey) a leading slash. {@code null} when the full path
   * does not end with the application path (the runtime rewrote one of them): the caller then asks the
   * runtime.
   */
  static String basePath(String fullPath, String applicationPath) {
    if (fullPath == null || applicationPath == null) {
      return null;
    }
    String inApplication = applicationPath.startsWith("/") ? applicationPath.substring(1) : applicationPath;
    int end = fullPath.length() - inApplication.length();
    if (end < 1 || !fullPath.endsWith(inApplication) || fullPath.charAt(end - 1) != '/') {
      return null;
    }
    return fullPath.substring(0, end - 1);
  }
}
