package dev.mpotel.rest;

import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.net.URI;
import java.util.List;

/**
 * How OpenTelemetry's HTTP client extractors read a Jakarta REST client request. {@code url.full} is
 * the request URI; the stock extractor replaces any user info in it with {@code REDACTED}.
 */
enum ClientRequestAttributes implements HttpClientAttributesGetter<ClientRequestContext, ClientResponseContext> {
  INSTANCE;

  /** Writes the propagation headers ({@code traceparent}, {@code baggage}, ...) into the request. */
  static final TextMapSetter<ClientRequestContext> HEADER_SETTER =
      (request, key, value) -> {
        if (request != null) {
          request.getHeaders().putSingle(key, value);
        }
      };

  @Override
  public String getHttpRequestMethod(ClientRequestContext request) {
    return request.getMethod();
  }

  @Override
  public List<String> getHttpRequestHeader(ClientRequestContext request, String name) {
    List<String> values = request.getStringHeaders().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public Integer getHttpResponseStatusCode(ClientRequestContext request, ClientResponseContext response, Throwable error) {
    return response == null ? null : response.getStatus();
  }

  @Override
  public List<String> getHttpResponseHeader(ClientRequestContext request, ClientResponseContext response, String name) {
    List<String> values = response == null ? null : response.getHeaders().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public String getUrlFull(ClientRequestContext request) {
    URI uri = request.getUri();
    return uri == null ? null : uri.toString();
  }

  @Override
  public String getServerAddress(ClientRequestContext request) {
    URI uri = request.getUri();
    return uri == null ? null : uri.getHost();
  }

  @Override
  public Integer getServerPort(ClientRequestContext request) {
    URI uri = request.getUri();
    if (uri == null) {
      return null;
    }
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    String scheme = uri.getScheme();
    return "https".equalsIgnoreCase(scheme) ? Integer.valueOf(443) : "http".equalsIgnoreCase(scheme) ? Integer.valueOf(80) : null;
  }
}
