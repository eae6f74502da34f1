package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.kb.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan found, per known error: how often, and where first and last (with that event's
 * first line). Memory grows with the number of distinct known errors only. Not thread-safe.
 */
final class Tally {

    /** Characters of an event's first line kept as its example. */
    static final int EXAMPLE_CHARS = 1000;

    /** One place in the input: file name, 1-based line of the event, its first line (raw, cut). */
    record Place(String file, long line, String firstLine) {
    }

    static final class Row {
        final KnownError entry;
        final Place first;
        Place last;
        long count;

        Row(KnownError entry, Place first) {
            this.entry = entry;
            this.first = first;
        }

        String id() {
            return entry.id();
        }

        /** The entry's signature (the error message it is about) as its title; else its root cause. */
        String title(Language language) {
            String signature = entry.signature(language);
            return signature.isBlank() ? entry.rootCause(language) : signature;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private long diagnosed;

    void add(String file, LogEvent event, Diagnosis diagnosis) {
        String line = event.firstLine();
        Place place = new Place(file, event.line(), line.length() > EXAMPLE_CHARS ? line.substring(0, EXAMPLE_CHARS) : line);
        Row row = rows.computeIfAbsent(diagnosis.id(), id -> new Row(diagnosis.knownError(), place));
        row.count++;
        row.last = place;
        diagnosed++;
    }

    long diagnosed() {
        return diagnosed;
    }

    int size() {
        return rows.size();
    }

    /** The rows by count, highest first, then by id. */
    List<Row> byCount() {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingLong((Row r) -> r.count).reversed().thenComparing(Row::id));
        return sorted;
    }
}
