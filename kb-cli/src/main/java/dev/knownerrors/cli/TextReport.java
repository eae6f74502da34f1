package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text output of {@code scan}: each diagnosed event as {@code FILE:LINE: first line} and the
 * diagnosis block, then a summary table (one row per known error: count, id, first and last
 * place; by count, then id) and a totals line. Not thread-safe.
 */
final class TextReport {

    static final int FIRST_LINE_CHARS = 200;

    private final PrintWriter out;
    private final DiagnosisFormatter formatter;
    private final Map<String, Row> rows = new HashMap<>();
    private int diagnosed;

    TextReport(PrintWriter out, DiagnosisFormatter formatter) {
        this.out = out;
        this.formatter = formatter;
    }

    void event(String file, LogEvent event, Diagnosis diagnosis) {
        String place = Terminal.clean(file, formatter.ascii()) + ":" + event.line();
        out.println(place + ": " + Terminal.cut(event.firstLine(), FIRST_LINE_CHARS, formatter.ascii()));
        out.println(formatter.block(diagnosis));
        out.println();
        out.flush();
        diagnosed++;
        rows.computeIfAbsent(diagnosis.id(), id -> new Row(id, place)).seen(place);
    }

    void finish(long scanned, long skipped, LogLevel minLevel) {
        String skippedNote = skipped == 0 ? ""
                : " (" + plural(skipped, "event") + " below " + minLevel + " skipped)";
        if (diagnosed == 0) {
            out.println(plural(scanned, "event") + " scanned" + skippedNote + ", no known error found");
            out.flush();
            return;
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingLong((Row r) -> r.count).reversed().thenComparing(r -> r.id));
        int countWidth = "count".length();
        int idWidth = "known error".length();
        int firstWidth = "first".length();
        for (Row r : sorted) {
            countWidth = Math.max(countWidth, Long.toString(r.count).length());
            idWidth = Math.max(idWidth, Terminal.clean(r.id, formatter.ascii()).length());
            firstWidth = Math.max(firstWidth, r.first.length());
        }
        String format = "%" + countWidth + "s  %-" + idWidth + "s  %-" + firstWidth + "s  %s";
        out.println(String.format(format, "count", "known error", "first", "last").stripTrailing());
        for (Row r : sorted) {
            out.println(String.format(format, r.count, Terminal.clean(r.id, formatter.ascii()), r.first, r.last));
        }
        out.println(plural(scanned, "event") + " scanned" + skippedNote + ", " + diagnosed + " diagnosed, "
                + plural(rows.size(), "known error"));
        out.flush();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static final class Row {
        final String id;
        final String first;
        String last;
        long count;

        Row(String id, String first) {
            this.id = id;
            this.first = first;
        }

        void seen(String place) {
            count++;
            last = place;
        }
    }
}
