package dev.mpotel.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * What the server span needs of one request, read once when the request comes in: the extractors ask for
 * the method, scheme, path and query several times each, and every call through the runtime's request context
 * costs a few indirections. Scheme, path and query come from the servlet request where RESTEasy serves through
 * servlets ({@link RestEasyContextData}), otherwise from the runtime's request {@code URI} (which RESTEasy
 * parses on first use).
 */
final class ServerRequest {

  private final ContainerRequestContext context;
  private final String method;
  private final String scheme;
  private final String path;
  private final String query;
  private final String pathInApplication;
  private final String basePath;

  private ServerRequest(ContainerRequestContext context, String scheme, String path, String query, String pathInApplication) {
    this.context = context;
    this.method = context.getMethod();
    this.scheme = scheme;
    this.path = path == null ? "" : path;
    this.query = query;
    this.pathInApplication = pathInApplication == null ? "" : pathInApplication;
    this.basePath = basePath(path, pathInApplication);
  }

  /** Reads a request as it comes in, before any resource is matched. */
  static ServerRequest of(ContainerRequestContext context) {
    UriInfo uriInfo = context.getUriInfo();
    String pathInApplication = uriInfo.getPath(false);
    HttpServletRequest servlet = RestEasyContextData.servletRequest(context);
    if (servlet != null) {
      return new ServerRequest(context, servlet.getScheme(), servlet.getRequestURI(), servlet.getQueryString(), pathInApplication);
    }
    URI uri = uriInfo.getRequestUri();
    return new ServerRequest(context, uri.getScheme(), uri.getRawPath(), uri.getRawQuery(), pathInApplication);
  }

  ContainerRequestContext context() {
    return context;
  }

  String method() {
    return method;
  }

  String scheme() {
    return scheme;
  }

  /** The request's raw path, context root included; empty when the runtime gave none. */
  String path() {
    return path;
  }

  /** The request's raw query, or {@code null} when it has none. */
  String query() {
    return query;
  }

  /**
   * The raw path within the Jakarta REST application, with ({@code RESTEasy}) or without (Jersey) a leading slash;
   * empty when the runtime gave none.
   */
  String pathInApplication() {
    return pathInApplication;
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
