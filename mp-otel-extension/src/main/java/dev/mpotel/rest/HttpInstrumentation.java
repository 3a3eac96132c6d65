package dev.mpotel.rest;

import dev.mpotel.config.PathPatterns;
import dev.mpotel.config.Settings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;

/**
 * One container's HTTP instrumentation: the server and client {@link Instrumenter}s built from its
 * {@code OpenTelemetry} with OpenTelemetry's stock semantic-convention extractors, and its endpoint
 * exclusions. Registered by the extension only when the Jakarta REST API is present.
 */
@Singleton
public class HttpInstrumentation {

  /** Instrumentation scope of HTTP spans and metrics. */
  static final String SCOPE = "dev.mpotel.rest";

  private final boolean enabled;
  private final Instrumenter<ServerRequest, ContainerResponseContext> server;
  private final Instrumenter<ClientRequestContext, ClientResponseContext> client;
  private final PathPatterns excluded;
  private final OpenServerSpans openServerSpans = new OpenServerSpans();
  private final Duration shutdownTimeout;
  private volatile boolean closed;

  @Inject
  public HttpInstrumentation(OpenTelemetry openTelemetry, Settings settings) {
    this(openTelemetry, openTelemetry != OpenTelemetry.noop(), PathPatterns.parse(settings.httpExclude()), settings.shutdownTimeout());
  }

  HttpInstrumentation(OpenTelemetry openTelemetry, boolean enabled, PathPatterns excluded, Duration shutdownTimeout) {
    this.enabled = enabled;
    this.excluded = excluded;
    this.shutdownTimeout = shutdownTimeout;
    ServerRequestAttributes serverAttributes = ServerRequestAttributes.INSTANCE;
    this.server =
        Instrumenter.<ServerRequest, ContainerResponseContext>builder(
                openTelemetry, SCOPE, HttpSpanNameExtractor.create(serverAttributes))
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(serverAttributes))
            .addAttributesExtractor(HttpServerAttributesExtractor.create(serverAttributes))
            .addContextCustomizer(HttpServerRoute.builder(serverAttributes).build())
            .addOperationMetrics(HttpServerMetrics.get())
            .buildServerInstrumenter(serverAttributes);
    ClientRequestAttributes clientAttributes = ClientRequestAttributes.INSTANCE;
    this.client =
        Instrumenter.<ClientRequestContext, ClientResponseContext>builder(
                openTelemetry, SCOPE, HttpSpanNameExtractor.create(clientAttributes))
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(clientAttributes))
            .addAttributesExtractor(HttpClientAttributesExtractor.create(clientAttributes))
            .addOperationMetrics(HttpClientMetrics.get())
            .buildClientInstrumenter(ClientRequestAttributes.HEADER_SETTER);
  }

  /**
   * Its container stops: providers that kept this instance must look the current one up, and the server spans still
   * open (requests the server still answers while the application is undeployed) get up to {@code
   * mpotel.shutdown.timeout} to end. This runs before the SDK shuts down, which happens last, when the container ends.
   */
  @PreDestroy
  void close() {
    closed = true;
    openServerSpans.awaitEnded(shutdownTimeout);
  }

  boolean closed() {
    return closed;
  }

  /** Whether telemetry is on for this container; when off, the filters do nothing at all. */
  boolean enabled() {
    return enabled;
  }

  /** The server spans started with this instance and not yet ended. */
  OpenServerSpans openServerSpans() {
    return openServerSpans;
  }

  Instrumenter<ServerRequest, ContainerResponseContext> server() {
    return server;
  }

  Instrumenter<ClientRequestContext, ClientResponseContext> client() {
    return client;
  }

  /**
   * Whether a request path is excluded from spans and metrics. Patterns are matched against the path
   * within the Jakarta REST application and against the full path (context root included).
   */
  boolean excluded(String applicationPath, String fullPath) {
    if (excluded.isEmpty()) {
      return false;
    }
    // RESTEasy gives the path within the application with a leading slash, Jersey without.
    String inApplication = applicationPath.startsWith("/") ? applicationPath : "/" + applicationPath;
    return excluded.matches(inApplication) || excluded.matches(fullPath);
  }
}
