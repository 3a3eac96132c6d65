package dev.mpotel.rest;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;

/** How OpenTelemetry's HTTP server extractors and propagators read a Jakarta REST request. */
enum ServerRequestAttributes
    implements HttpServerAttributesGetter<ServerRequest, ContainerResponseContext>, TextMapGetter<ServerRequest> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(ServerRequest request) {
    return request.method();
  }

  @Override
  public List<String> getHttpRequestHeader(ServerRequest request, String name) {
    List<String> values = request.context().getHeaders().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public Integer getHttpResponseStatusCode(ServerRequest request, ContainerResponseContext response, Throwable error) {
    return response == null ? null : response.getStatus();
  }

  @Override
  public List<String> getHttpResponseHeader(ServerRequest request, ContainerResponseContext response, String name) {
    List<String> values = response == null ? null : response.getStringHeaders().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public String getUrlScheme(ServerRequest request) {
    return request.scheme();
  }

  @Override
  public String getUrlPath(ServerRequest request) {
    return request.path();
  }

  @Override
  public String getUrlQuery(ServerRequest request) {
    return request.query();
  }

  @Override
  public Iterable<String> keys(ServerRequest request) {
    return request.context().getHeaders().keySet();
  }

  @Override
  public String get(ServerRequest request, String key) {
    return request == null ? null : request.context().getHeaderString(key);
  }
}
