package dev.mpotel.it.support;

import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import java.util.Map;

/**
 * One span as an {@link OtlpSink} received it, flattened out of its export request: it keeps the attributes of its
 * resource and the name of its instrumentation scope. Immutable.
 */
public final class ReceivedSpan {

    private final Span proto;
    private final Map<String, Object> attributes;
    private final Map<String, Object> resourceAttributes;
    private final String scopeName;
    private final List<String> events;

    private ReceivedSpan(Span proto, Map<String, Object> resourceAttributes, String scopeName) {
        this.proto = proto;
        this.attributes = AttributeValues.toMap(proto.getAttributesList());
        this.resourceAttributes = resourceAttributes;
        this.scopeName = scopeName;
        this.events = proto.getEventsList().stream().map(Span.Event::getName).toList();
    }

    static ReceivedSpan of(Span span, Resource resource, String scopeName) {
        return new ReceivedSpan(span, AttributeValues.toMap(resource.getAttributesList()), scopeName);
    }

    /** The trace id as 32 lowercase hex digits. */
    public String traceId() {
        return AttributeValues.hex(proto.getTraceId());
    }

    /** The span id as 16 lowercase hex digits. */
    public String spanId() {
        return AttributeValues.hex(proto.getSpanId());
    }

    /** The parent's span id as 16 lowercase hex digits, or the empty string for a root span. */
    public String parentSpanId() {
        return AttributeValues.hex(proto.getParentSpanId());
    }

    /** The span's name. */
    public String name() {
        return proto.getName();
    }

    /** The span's kind as the OTLP enum, for example {@code SPAN_KIND_SERVER}. */
    public Span.SpanKind kind() {
        return proto.getKind();
    }

    /** The status code as the OTLP enum; {@code STATUS_CODE_UNSET} when the span set none. */
    public Status.StatusCode statusCode() {
        return proto.getStatus().getCode();
    }

    /** The span's attributes as plain Java values (String, Long, Double, Boolean, List), in wire order. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The attributes of the resource that exported this span, for example {@code service.name}. */
    public Map<String, Object> resourceAttributes() {
        return resourceAttributes;
    }

    /** The name of the instrumentation scope (the tracer's name); empty if it had none. */
    public String scopeName() {
        return scopeName;
    }

    /** The names of the span's events, in order. */
    public List<String> events() {
        return events;
    }

    /** The span exactly as it arrived. */
    public Span proto() {
        return proto;
    }

    @Override
    public String toString() {
        return "ReceivedSpan{name=" + name() + ", kind=" + kind() + ", traceId=" + traceId() + ", spanId=" + spanId()
                + ", parentSpanId=" + parentSpanId() + ", status=" + statusCode() + ", attributes=" + attributes
                + ", scope=" + scopeName + ", resource=" + resourceAttributes + "}";
    }
}
