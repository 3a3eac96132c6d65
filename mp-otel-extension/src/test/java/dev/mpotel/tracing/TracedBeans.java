package dev.mpotel.tracing;

import dev.mpotel.Traced;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Beans the tracing tests call. */
final class TracedBeans {

  private TracedBeans() {}

  static final class Failure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  @ApplicationScoped
  static class Orders {
    @Inject Inventory inventory;

    @WithSpan
    String place(@SpanAttribute("order.id") String id, @SpanAttribute("order.quantity") int quantity, String untraced) {
      return inventory.reserve(id);
    }

    @WithSpan(value = "custom-name", kind = SpanKind.CLIENT)
    void named() {}

    @WithSpan
    void fail(Failure failure) {
      throw failure;
    }

    @WithSpan
    CompletableFuture<String> later(CompletableFuture<String> result) {
      return result;
    }

    @WithSpan(inheritContext = false)
    String root() {
      return Span.current().getSpanContext().getSpanId();
    }

    @WithSpan
    void tags(@SpanAttribute("tags") List<String> tags, @SpanAttribute("flag") boolean flag, @SpanAttribute("ratio") double ratio,
        @SpanAttribute("missing") String missing) {}

    void plain() {}
  }

  @ApplicationScoped
  static class Inventory {
    @WithSpan
    String reserve(String id) {
      return "reserved " + id + " in " + Span.current().getSpanContext().getSpanId();
    }
  }

  @Traced
  @ApplicationScoped
  static class Billing {
    String charge(String account) {
      return "charged " + account;
    }

    @WithSpan("Billing.explicit")
    void explicit() {}

    void fail() {
      throw new Failure("card declined");
    }

    @Override
    public String toString() {
      return "Billing";
    }
  }

  @ApplicationScoped
  static class Shipping {
    @Traced(kind = SpanKind.PRODUCER)
    void ship() {}

    void notTraced() {}
  }
}
