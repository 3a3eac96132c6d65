package dev.mpotel.it.support;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns OTLP attribute values into plain Java values that read well in assertions. */
final class AttributeValues {

    private static final HexFormat HEX = HexFormat.of();

    private AttributeValues() {
    }

    /**
     * Converts attributes to an unmodifiable map in wire order: strings stay {@link String}, integers become
     * {@link Long}, doubles {@link Double}, booleans {@link Boolean}, arrays {@code List<Object>}, key-value lists
     * {@code Map<String, Object>}, bytes {@link ByteString}, and an empty value {@code null}.
     */
    static Map<String, Object> toMap(List<KeyValue> attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            map.put(attribute.getKey(), toJava(attribute.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    static Object toJava(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                return value.getDoubleValue();
            case ARRAY_VALUE:
                List<Object> list = new ArrayList<>();
                for (AnyValue element : value.getArrayValue().getValuesList()) {
                    list.add(toJava(element));
                }
                return Collections.unmodifiableList(list);
            case KVLIST_VALUE:
                return toMap(value.getKvlistValue().getValuesList());
            case BYTES_VALUE:
                return value.getBytesValue();
            case VALUE_NOT_SET:
            default:
                return null;
        }
    }

    /** A trace or span id as lowercase hex; the empty string for an absent id. */
    static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }
}
