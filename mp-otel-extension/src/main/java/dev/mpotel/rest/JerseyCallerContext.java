package dev.mpotel.rest;

import io.opentelemetry.context.Context;
import org.glassfish.jersey.client.spi.InvocationBuilderListener;

/**
 * Jersey's hook on the calling thread: when {@code WebTarget.request()} makes an invocation builder, the
 * caller's context is kept in the request's properties, so that an {@code async()} request, whose filters
 * Jersey runs on its executor, still gets the caller's span as parent ({@link ClientSpanFilter}).
 * Registered by {@link TelemetryFeature} on Jersey clients only (Payara); the class is never loaded
 * elsewhere, since it needs Jersey's client SPI.
 */
public final class JerseyCallerContext implements InvocationBuilderListener {

  @Override
  public void onNewBuilder(InvocationBuilderContext context) {
    Context current = Context.current();
    if (current != Context.root()) {
      context.property(ClientSpanFilter.CALLER_CONTEXT, current);
    }
  }
}
