package dev.mpotel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.core.interception.jaxrs.PreMatchContainerRequestContext;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.specimpl.MultivaluedMapImpl;
import org.junit.jupiter.api.Test;

/**
 * What the server span reads of a RESTEasy request: scheme, path and query from the servlet request when RESTEasy
 * serves one (it puts it in the request's context data), from RESTEasy's request {@code URI} otherwise; and the
 * matched resource's {@code ResourceInfo} from the same context data.
 */
class ServerRequestTest {

  /** A request for {@code /shop/api/orders/7?note=a%20b} under the base {@code http://localhost:8080/shop/api/}. */
  private static PreMatchContainerRequestContext restEasyRequest() {
    MockHttpRequest request =
        MockHttpRequest.create(
            "GET", URI.create("http://localhost:8080/shop/api/orders/7?note=a%20b"), URI.create("http://localhost:8080/shop/api/"));
    return new PreMatchContainerRequestContext(request, new ContainerRequestFilter[0], null);
  }

  @Test
  void readsSchemePathAndQueryOfTheServletRequestRestEasyServes() {
    // Values a servlet container would give for the same request behind a TLS-terminating proxy it trusts: they
    // differ from RESTEasy's URI so that the test tells where each was read.
    ServerRequest request = readServing("https", "/shop/api/orders/7;v=1", "note=c%20d");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.scheme()).isEqualTo("https");
    assertThat(request.path()).isEqualTo("/shop/api/orders/7;v=1");
    assertThat(request.query()).isEqualTo("note=c%20d");
    assertThat(request.pathInApplication()).isEqualTo("/orders/7");
    assertThat(request.basePath()).isNull(); // the servlet path does not end with RESTEasy's: ask RESTEasy
  }

  @Test
  void readsTheRequestUriWhenNoServletRequestIsServed() {
    ServerRequest request;
    try (ResteasyContext.CloseableContext ignored = ResteasyContext.addCloseableContextDataLevel()) {
      assertThat(RestEasyContextData.servletRequest(new MultivaluedMapImpl<String, String>())).isNull();
      request = ServerRequest.of(restEasyRequest());
    }
    assertThat(request.scheme()).isEqualTo("http");
    assertThat(request.path()).isEqualTo("/shop/api/orders/7");
    assertThat(request.query()).isEqualTo("note=a%20b");
    assertThat(request.pathInApplication()).isEqualTo("/orders/7");
    assertThat(request.basePath()).isEqualTo("/shop/api");
  }

  @Test
  void aServletPathThatEndsWithTheApplicationPathGivesTheBasePath() {
    ServerRequest request = readServing("http", "/shop/api/orders/7", "note=a%20b");
    assertThat(request.path()).isEqualTo("/shop/api/orders/7");
    assertThat(request.basePath()).isEqualTo("/shop/api");
  }

  @Test
  void onlyRestEasysObjectsAreLookedThrough() {
    try (ResteasyContext.CloseableContext ignored = ResteasyContext.addCloseableContextDataLevel()) {
      HttpServletRequest servlet = servletRequest(Map.of());
      ResteasyContext.pushContext(HttpServletRequest.class, servlet);
      assertThat(RestEasyContextData.servletRequest(new MultivaluedMapImpl<String, String>())).isSameAs(servlet);
      assertThat(RestEasyContextData.servletRequest(new Object())).isNull();
    }
  }

  @Test
  void theMatchedResourceInfoIsRestEasysOwn() {
    ResourceInfo matched = new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return null;
      }

      @Override
      public Class<?> getResourceClass() {
        return ServerRequestTest.class;
      }
    };
    Object runtimeObject = new MultivaluedMapImpl<String, String>();
    try (ResteasyContext.CloseableContext ignored = ResteasyContext.addCloseableContextDataLevel()) {
      assertThat(RestEasyContextData.resourceInfo(runtimeObject)).isNull(); // not matched yet
      ResteasyContext.pushContext(ResourceInfo.class, matched);
      assertThat(RestEasyContextData.resourceInfo(runtimeObject)).isSameAs(matched);
      assertThat(RestEasyContextData.resourceInfo(new Object())).isNull();
    }
  }

  @Test
  void oneBindingServesEveryRequestContextTypeOfTheRuntime() {
    // The span filter passes the context before matching, the route filter the one after: both are RESTEasy's.
    try (ResteasyContext.CloseableContext ignored = ResteasyContext.addCloseableContextDataLevel()) {
      RestEasyContextData.servletRequest(restEasyRequest());
      Object binding = RestEasyContextData.currentBinding();
      assertThat(binding).isNotNull();
      RestEasyContextData.resourceInfo(new MultivaluedMapImpl<String, String>());
      RestEasyContextData.servletRequest(restEasyRequest());
      assertThat(RestEasyContextData.currentBinding()).isSameAs(binding);
    }
  }

  /** Reads {@link #restEasyRequest()} while RESTEasy serves a servlet request with these scheme, path and query. */
  private static ServerRequest readServing(String scheme, String requestUri, String queryString) {
    HttpServletRequest servlet =
        servletRequest(Map.of("getScheme", scheme, "getRequestURI", requestUri, "getQueryString", queryString));
    try (ResteasyContext.CloseableContext ignored = ResteasyContext.addCloseableContextDataLevel()) {
      ResteasyContext.pushContext(HttpServletRequest.class, servlet);
      return ServerRequest.of(restEasyRequest());
    }
  }

  /** A servlet request that answers the named getters and nothing else. */
  private static HttpServletRequest servletRequest(Map<String, String> answers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ServerRequestTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              if (answers.containsKey(method.getName()) && (args == null || args.length == 0)) {
                return answers.get(method.getName());
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
