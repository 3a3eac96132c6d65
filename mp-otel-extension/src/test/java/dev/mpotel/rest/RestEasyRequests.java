package dev.mpotel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.concurrent.ThreadContexts;

/** What RESTEasy's server does for a request, for client tests that run without a server. */
final class RestEasyRequests {

  private RestEasyRequests() {}

  /**
   * Opens a level of context data, as RESTEasy's server does for every request, and does what {@link
   * ServerSpanFilter} then does: adds mp-otel's context carrier to the request's thread contexts.
   *
   * @param runtimeObject any object of RESTEasy (the client will do), whose class loader sees RESTEasy
   */
  static ResteasyContext.CloseableContext servingARequest(Object runtimeObject) {
    ResteasyContext.CloseableContext request = ResteasyContext.addCloseableContextDataLevel();
    assertThat(RestEasyThreadContext.addToCurrentRequest(runtimeObject)).isTrue();
    assertThat(ResteasyContext.getContextData(ThreadContexts.class).getThreadContexts()).hasSize(1);
    return request;
  }
}
