package dev.mpotel.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.client.spi.PostInvocationInterceptor;

/**
 * Jersey's hook for a request that got no response: ends the client span the moment the connection
 * fails, instead of when the calling thread shows that the call is over (see {@link ClientExchange}).
 * Registered by {@link TelemetryFeature} on Jersey clients only (Payara); the class is never loaded
 * elsewhere, since it needs Jersey's client SPI.
 */
public final class JerseyClientFailures implements PostInvocationInterceptor {

  private static final AtomicBoolean END_FAILED = new AtomicBoolean();

  @Override
  public void afterRequest(ClientRequestContext request, ClientResponseContext response) {
    // A response arrived: the client span filter ends the span.
  }

  @Override
  public void onException(ClientRequestContext request, ExceptionContext exceptionContext) {
    if (exceptionContext.getResponseContext().isPresent()) {
      return; // a response arrived and a later step failed: the response filter ends the span
    }
    Object exchange = request.getProperty(ClientSpanFilter.EXCHANGE);
    if (!(exchange instanceof ClientExchange)) {
      return;
    }
    request.removeProperty(ClientSpanFilter.EXCHANGE);
    try {
      ((ClientExchange) exchange).end(null, cause(exceptionContext.getThrowables().peekFirst()));
    } catch (RuntimeException | LinkageError e) {
      InstrumentationLookup.reportOnce(END_FAILED, "end a failed client span", e);
    }
  }

  /** The transport's own exception (ConnectException, UnknownHostException, ...) rather than Jersey's wrapper. */
  private static Throwable cause(Throwable error) {
    if (error instanceof ProcessingException && error.getCause() != null) {
      return error.getCause();
    }
    return error != null ? error : new ClientExchange.NoResponseException();
  }
}
