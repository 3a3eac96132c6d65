package dev.mpotel.it.support;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One metric as an {@link OtlpSink} received it in one export, flattened out of its request: it keeps the attributes
 * of its resource and the name of its instrumentation scope. The value helpers add up the metric's data points,
 * optionally only those whose attributes contain given entries, so that a test can state "counter {@code x} is 3 for
 * {@code a=b}" or "histogram {@code y} counted 2". Immutable.
 */
public final class ReceivedMetric {

    private final Metric proto;
    private final Map<String, Object> resourceAttributes;
    private final String scopeName;

    private ReceivedMetric(Metric proto, Map<String, Object> resourceAttributes, String scopeName) {
        this.proto = proto;
        this.resourceAttributes = resourceAttributes;
        this.scopeName = scopeName;
    }

    static ReceivedMetric of(Metric metric, Resource resource, String scopeName) {
        return new ReceivedMetric(metric, AttributeValues.toMap(resource.getAttributesList()), scopeName);
    }

    /** The metric's name, for example {@code http.server.request.duration}. */
    public String name() {
        return proto.getName();
    }

    /** The metric's unit, for example {@code s}; empty if it had none. */
    public String unit() {
        return proto.getUnit();
    }

    /** The metric's description; empty if it had none. */
    public String description() {
        return proto.getDescription();
    }

    /** Which kind of data the metric carries: {@code SUM}, {@code GAUGE}, {@code HISTOGRAM}, and so on. */
    public Metric.DataCase type() {
        return proto.getDataCase();
    }

    /** The attributes of the resource that exported this metric, for example {@code service.name}. */
    public Map<String, Object> resourceAttributes() {
        return resourceAttributes;
    }

    /** The name of the instrumentation scope (the meter's name); empty if it had none. */
    public String scopeName() {
        return scopeName;
    }

    /** The metric exactly as it arrived. */
    public Metric proto() {
        return proto;
    }

    /** The attributes of each data point, in order, whatever the metric's type. */
    public List<Map<String, Object>> pointAttributes() {
        return pointAttributeLists().map(AttributeValues::toMap).toList();
    }

    /** The sum of the integer values of all points of a sum or gauge; 0 for other types and for double points. */
    public long sumOfLongPoints() {
        return sumOfLongPoints(Map.of());
    }

    /**
     * The sum of the integer values of the sum or gauge points whose attributes contain all the given entries
     * ({@link Integer} expectations match the {@link Long} values of the wire).
     */
    public long sumOfLongPoints(Map<String, ?> attributes) {
        return numberPoints()
                .filter(p -> p.getValueCase() == NumberDataPoint.ValueCase.AS_INT)
                .filter(p -> matches(p.getAttributesList(), attributes))
                .mapToLong(NumberDataPoint::getAsInt)
                .sum();
    }

    /** The sum of the double values of all points of a sum or gauge; 0 for other types and for integer points. */
    public double sumOfDoublePoints() {
        return sumOfDoublePoints(Map.of());
    }

    /** The sum of the double values of the sum or gauge points whose attributes contain all the given entries. */
    public double sumOfDoublePoints(Map<String, ?> attributes) {
        return numberPoints()
                .filter(p -> p.getValueCase() == NumberDataPoint.ValueCase.AS_DOUBLE)
                .filter(p -> matches(p.getAttributesList(), attributes))
                .mapToDouble(NumberDataPoint::getAsDouble)
                .sum();
    }

    /** The number of recorded values over all points of a (possibly exponential) histogram; 0 for other types. */
    public long histogramCount() {
        return histogramCount(Map.of());
    }

    /** The number of recorded values over the histogram points whose attributes contain all the given entries. */
    public long histogramCount(Map<String, ?> attributes) {
        Stream<Long> explicit = proto.getHistogram().getDataPointsList().stream()
                .filter(p -> matches(p.getAttributesList(), attributes))
                .map(HistogramDataPoint::getCount);
        Stream<Long> exponential = proto.getExponentialHistogram().getDataPointsList().stream()
                .filter(p -> matches(p.getAttributesList(), attributes))
                .map(ExponentialHistogramDataPoint::getCount);
        return Stream.concat(explicit, exponential).mapToLong(Long::longValue).sum();
    }

    private Stream<NumberDataPoint> numberPoints() {
        switch (proto.getDataCase()) {
            case SUM:
                return proto.getSum().getDataPointsList().stream();
            case GAUGE:
                return proto.getGauge().getDataPointsList().stream();
            default:
                return Stream.empty();
        }
    }

    private Stream<List<KeyValue>> pointAttributeLists() {
        switch (proto.getDataCase()) {
            case SUM:
            case GAUGE:
                return numberPoints().map(NumberDataPoint::getAttributesList);
            case HISTOGRAM:
                return proto.getHistogram().getDataPointsList().stream().map(HistogramDataPoint::getAttributesList);
            case EXPONENTIAL_HISTOGRAM:
                return proto.getExponentialHistogram().getDataPointsList().stream()
                        .map(ExponentialHistogramDataPoint::getAttributesList);
            case SUMMARY:
                return proto.getSummary().getDataPointsList().stream().map(p -> p.getAttributesList());
            default:
                return Stream.empty();
        }
    }

    private static boolean matches(List<KeyValue> actual, Map<String, ?> expected) {
        if (expected.isEmpty()) {
            return true;
        }
        Map<String, Object> values = AttributeValues.toMap(actual);
        for (Map.Entry<String, ?> entry : expected.entrySet()) {
            if (!values.containsKey(entry.getKey())
                    || !Objects.equals(values.get(entry.getKey()), widen(entry.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** Integer-like and float expectations compare with the Long and Double values of the wire. */
    private static Object widen(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return value;
    }

    @Override
    public String toString() {
        return "ReceivedMetric{name=" + name() + ", type=" + type() + ", unit=" + unit() + ", points="
                + pointAttributes() + ", scope=" + scopeName + ", resource=" + resourceAttributes + "}";
    }
}
