package dev.mpotel.it.support;

import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.Map;

/**
 * One log record as an {@link OtlpSink} received it, flattened out of its export request: it keeps the attributes of
 * its resource and the name of its instrumentation scope. Immutable.
 */
public final class ReceivedLog {

    private final LogRecord proto;
    private final Map<String, Object> attributes;
    private final Map<String, Object> resourceAttributes;
    private final String scopeName;

    private ReceivedLog(LogRecord proto, Map<String, Object> resourceAttributes, String scopeName) {
        this.proto = proto;
        this.attributes = AttributeValues.toMap(proto.getAttributesList());
        this.resourceAttributes = resourceAttributes;
        this.scopeName = scopeName;
    }

    static ReceivedLog of(LogRecord record, Resource resource, String scopeName) {
        return new ReceivedLog(record, AttributeValues.toMap(resource.getAttributesList()), scopeName);
    }

    /**
     * The body as a string: a string body as is, any other body in its Java form ({@code String.valueOf}), and the
     * empty string when the record has no body.
     */
    public String body() {
        if (!proto.hasBody()) {
            return "";
        }
        Object body = AttributeValues.toJava(proto.getBody());
        return body == null ? "" : String.valueOf(body);
    }

    /** The severity text, for example {@code INFO}; empty if the record had none. */
    public String severityText() {
        return proto.getSeverityText();
    }

    /** The severity number as the OTLP enum, for example {@code SEVERITY_NUMBER_INFO}. */
    public SeverityNumber severityNumber() {
        return proto.getSeverityNumber();
    }

    /** The trace id of the span the record was emitted in, as lowercase hex; empty outside a span. */
    public String traceId() {
        return AttributeValues.hex(proto.getTraceId());
    }

    /** The span id of the span the record was emitted in, as lowercase hex; empty outside a span. */
    public String spanId() {
        return AttributeValues.hex(proto.getSpanId());
    }

    /** The record's attributes as plain Java values (String, Long, Double, Boolean, List), in wire order. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The attributes of the resource that exported this record, for example {@code service.name}. */
    public Map<String, Object> resourceAttributes() {
        return resourceAttributes;
    }

    /** The name of the instrumentation scope (the logger's name); empty if it had none. */
    public String scopeName() {
        return scopeName;
    }

    /** The log record exactly as it arrived. */
    public LogRecord proto() {
        return proto;
    }

    @Override
    public String toString() {
        return "ReceivedLog{body=" + body() + ", severity=" + severityText() + ", traceId=" + traceId() + ", spanId="
                + spanId() + ", attributes=" + attributes + ", scope=" + scopeName + ", resource="
                + resourceAttributes + "}";
    }
}
