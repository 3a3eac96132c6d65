package dev.mpotel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Path("/orders/")
  static class Orders {
    @GET
    @Path("{id: \\d+}/lines")
    public String lines() {
      return "";
    }

    @GET
    public String all() {
      return "";
    }
  }

  abstract static class Base {
    @GET
    @Path("count")
    public String count() {
      return "";
    }
  }

  @Path("a")
  static class A extends Base {}

  @Path("b")
  static class B extends Base {}

  private final Routes routes = new Routes();

  @Test
  void aRouteIsTheBasePathAndTheTemplatesWithoutTheirRegularExpressions() throws Exception {
    Method lines = Orders.class.getMethod("lines");

    assertThat(routes.route("/shop/api/", Orders.class, lines)).isEqualTo("/shop/api/orders/{id}/lines");
    assertThat(routes.route("/", Orders.class, Orders.class.getMethod("all"))).isEqualTo("/orders");
    assertThat(routes.route(null, Orders.class, lines)).isEqualTo("/orders/{id}/lines");
  }

  @Test
  void theSameMethodUnderTheSameBasePathGetsTheSameRouteWithoutMakingItAgain() throws Exception {
    Method lines = Orders.class.getMethod("lines");

    String first = routes.route("/shop/api", Orders.class, lines);

    assertThat(routes.route("/shop/api", Orders.class, lines)).isSameAs(first);
    assertThat(routes.route(new String("/shop/api"), Orders.class, lines)).isSameAs(first);
  }

  @Test
  void anotherBasePathOrAnotherResourceClassGetsItsOwnRoute() throws Exception {
    Method lines = Orders.class.getMethod("lines");
    Method count = Base.class.getMethod("count");

    assertThat(routes.route("/shop/api", Orders.class, lines)).isEqualTo("/shop/api/orders/{id}/lines");
    assertThat(routes.route("/other", Orders.class, lines)).isEqualTo("/other/orders/{id}/lines");
    assertThat(routes.route("/shop/api", Orders.class, lines)).isEqualTo("/shop/api/orders/{id}/lines");

    assertThat(routes.route("/x", A.class, count)).isEqualTo("/x/a/count");
    assertThat(routes.route("/x", B.class, count)).isEqualTo("/x/b/count");
    assertThat(routes.route("/x", A.class, count)).isEqualTo("/x/a/count");
  }

  @Test
  void theBasePathIsTheFullPathWithoutThePathInTheApplicationWithOrWithoutItsLeadingSlash() {
    // RESTEasy gives the path within the application with a leading slash, Jersey without.
    assertThat(ServerRequest.basePath("/shop/api/orders/1", "/orders/1")).isEqualTo("/shop/api");
    assertThat(ServerRequest.basePath("/shop/api/orders/1", "orders/1")).isEqualTo("/shop/api");
    assertThat(ServerRequest.basePath("/shop/api/", "/")).isEqualTo("/shop/api");
    assertThat(ServerRequest.basePath("/shop/api/", "")).isEqualTo("/shop/api");
    assertThat(ServerRequest.basePath("/orders", "/orders")).isEqualTo("");
  }

  @Test
  void aBasePathThatCannotBeToldFromThePathsIsLeftToTheRuntime() {
    assertThat(ServerRequest.basePath("/shop/apiorders", "orders")).isNull();
    assertThat(ServerRequest.basePath("/shop/api", "")).isNull();
    assertThat(ServerRequest.basePath("/shop/api/orders", "/other")).isNull();
    assertThat(ServerRequest.basePath("/orders", "/longer/than/orders")).isNull();
    assertThat(ServerRequest.basePath(null, "/orders")).isNull();
  }
}
