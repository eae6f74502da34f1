package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.LoadProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one JSON object of a KB source. A field of the wrong type is reported (naming
 * source, entry and field) and read as absent, so one bad optional field does not cost the entry.
 */
final class Fields {

    private final Map<String, Object> map;
    private final String source;
    private final String entry;
    private final String prefix;
    private final List<LoadProblem> problems;

    Fields(Map<String, Object> map, String source, String entry, String prefix, List<LoadProblem> problems) {
        this.map = map;
        this.source = source;
        this.entry = entry;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** The same entry's nested object, with field names reported as {@code outer.inner}. */
    Fields nested(Map<String, Object> nested, String name) {
        return new Fields(nested, source, entry, prefix + name + ".", problems);
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    void problem(String key, String message) {
        problems.add(new LoadProblem(source, entry, key.isEmpty() ? "" : prefix + key, message));
    }

    /** A string field; a wrong type is reported and read as {@code null}. */
    String string(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        wrongType(key, "a string", v);
        return null;
    }

    /** A string field that also accepts a number or boolean (the seed writes {@code "resolvable": "true"}). */
    String scalar(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        wrongType(key, "a string", v);
        return null;
    }

    /** A rate between 0 and 1; out of range or of the wrong type is reported and read as {@code null}. */
    Double rate(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number)) {
            wrongType(key, "a number between 0 and 1", v);
            return null;
        }
        double d = ((Number) v).doubleValue();
        if (!(d >= 0.0 && d <= 1.0)) {
            problem(key, "must be between 0 and 1, found " + v);
            return null;
        }
        return d;
    }

    Integer integer(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        wrongType(key, "a whole number", v);
        return null;
    }

    /** An array of strings; other items are reported and skipped. Absent is an empty list. */
    List<String> strings(String key) {
        List<Object> items = array(key);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof String s) {
                out.add(s);
            } else if (item instanceof Number || item instanceof Boolean) {
                out.add(String.valueOf(item));
            } else if (item instanceof Map<?, ?> m && reference(m) != null) {
                out.add(reference(m)); // a related-error object: its id
            } else {
                problem(key + "[" + i + "]", "expected a string, found " + JsonValues.typeName(item));
            }
        }
        return out;
    }

    private static String reference(Map<?, ?> m) {
        for (String key : new String[] {"error_id", "id", "signature"}) {
            if (m.get(key) instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** An array of objects; other items are reported and skipped. Absent is an empty list. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String key) {
        List<Object> items = array(key);
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Map) {
                out.add((Map<String, Object>) item);
            } else {
                problem(key + "[" + i + "]", "expected an object, found " + JsonValues.typeName(item));
            }
        }
        return out;
    }

    /** An object whose values are read as strings. Absent is an empty map. */
    Map<String, String> stringMap(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            wrongType(key, "an object", v);
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, val) -> {
            if (val != null) {
                out.put(String.valueOf(k), String.valueOf(val));
            }
        });
        return out;
    }

    /** An object field, or {@code null} (a wrong type is reported). */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Map) {
            return (Map<String, Object>) v;
        }
        wrongType(key, "an object", v);
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List) {
            return (List<Object>) v;
        }
        wrongType(key, "an array", v);
        return List.of();
    }

    private void wrongType(String key, String expected, Object found) {
        problem(key, "expected " + expected + ", found " + JsonValues.typeName(found));
    }
}
