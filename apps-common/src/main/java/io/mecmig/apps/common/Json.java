package io.mecmig.apps.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * JSON for the apps: one Jackson mapper, built at its first use, and a writer for flat maps that needs no Jackson.
 *
 * <p>Why lazily: Jackson's mapper and its first serializers are about a tenth of a second of a cold JVM, and an
 * app restarted on another host should answer {@code /health} (which the readiness check and the UE probe wait for)
 * before it has paid for them.
 */
public final class Json {

    private Json() {
    }

    /** The shared mapper (thread-safe once built), built at the first call. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** The shared streaming factory (thread-safe), for a small file read at start-up without the mapper's cost. */
    public static JsonFactory factory() {
        return FactoryHolder.FACTORY;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final class FactoryHolder {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /**
     * {@code facts} as a JSON object, written by hand when every value is a string, number, boolean, enum or null
     * (Jackson's output for those); otherwise by Jackson.
     */
    public static String flat(Map<?, ?> facts) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<?, ?> fact : facts.entrySet()) {
            Object value = fact.getValue();
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, String.valueOf(fact.getKey())).append(':');
            if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                out.append(value);
            } else if (value instanceof String || value instanceof Enum<?>) {
                quote(out, value instanceof Enum<?> e ? e.name() : (String) value);
            } else {
                return withJackson(facts);
            }
        }
        return out.append('}').toString();
    }

    private static String withJackson(Map<?, ?> facts) {
        try {
            return mapper().writeValueAsString(facts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + facts.keySet() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
