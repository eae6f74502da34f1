package dev.knownerrors.logback;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The MDC of a {@link DiagnosedEvent}: a read-only view, in insertion order (the event's own
 * entries, then the {@code kb.*} fields). Serialised (Logback's SocketAppender) as what Logback's
 * own MDC map is, an unmodifiable {@link HashMap}: Logback 1.5's receivers admit no other map
 * classes (their allow-list has no LinkedHashMap) and drop the connection on anything else.
 */
final class DiagnosedMdc extends AbstractMap<String, String> implements Serializable {

    private final transient Map<String, String> map;

    /** @param map unmodifiable */
    DiagnosedMdc(Map<String, String> map) {
        this.map = map;
    }

    @Override
    public String get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return map.entrySet();
    }

    private Object writeReplace() {
        return Collections.unmodifiableMap(new HashMap<>(map));
    }
}
