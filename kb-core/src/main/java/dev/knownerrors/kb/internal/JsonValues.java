package dev.knownerrors.kb.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into plain Java values: {@code Map} (insertion
 * ordered), {@code List}, {@code String}, {@code Number}, {@code Boolean} or {@code null}.
 * The loader then checks types field by field, which is what lets it name the field at fault.
 * Public for the benchmarks' cold-load floor only; not part of the public API.
 */
public final class JsonValues {

    /** Deeper nesting than this is not a KB entry; the value is rejected instead of recursing on. */
    static final int MAX_DEPTH = 32;

    private JsonValues() {
    }

    /** Reads the value at the parser's current token; the parser ends on that value's last token. */
    public static Object read(JsonParser p) throws IOException {
        return read(p, 0);
    }

    private static Object read(JsonParser p, int depth) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        switch (t) {
            case START_OBJECT: {
                checkDepth(p, depth);
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, read(p, depth + 1));
                }
                return map;
            }
            case START_ARRAY: {
                checkDepth(p, depth);
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, depth + 1));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static void checkDepth(JsonParser p, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new TooDeepException("nesting deeper than " + MAX_DEPTH + " levels at line "
                    + p.currentTokenLocation().getLineNr());
        }
    }

    /** The value nests deeper than {@link #MAX_DEPTH}. */
    static final class TooDeepException extends IOException {
        TooDeepException(String message) {
            super(message);
        }
    }

    /** A short name of a JSON value's type, for problem messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return "an array";
    }
}
