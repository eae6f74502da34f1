package dev.knownerrors.cli;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the timestamp of a log line: the first ISO-8601-like date and time near its start
 * ({@code 2024-05-01 12:00:02,123}, {@code 2026-11-24T03:15:02.118Z}, {@code …+02:00}), as the
 * layouts of Logback, Log4j 2, Spring Boot and most JSON encoders write it. Without a zone the
 * time is taken as UTC (it is only used to place events on a chart). Thread-safe.
 */
final class Timestamps {

    /** How far into the line a timestamp may start. */
    static final int SEARCH_CHARS = 120;

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?"
                    + "(?:\\s?(Z|[+-]\\d{2}(?::?\\d{2})?)(?![\\d:]))?");

    /** A timestamp: epoch milliseconds, and whether the line gave its zone. */
    record Stamp(long millis, boolean zoned) {
    }

    private Timestamps() {
    }

    /** The timestamp of a line, or {@code null} when there is none near its start. */
    static Stamp find(String line) {
        Matcher m = ISO.matcher(line);
        m.region(0, Math.min(line.length(), SEARCH_CHARS + 35));
        if (!m.find() || m.start() > SEARCH_CHARS) {
            return null;
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(fraction) * 1_000_000);
            String zone = m.group(8);
            ZoneOffset offset = zone == null ? ZoneOffset.UTC : ZoneOffset.of(normalise(zone));
            return new Stamp(t.toInstant(offset).toEpochMilli(), zone != null);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String normalise(String zone) {
        if (zone.equals("Z") || zone.length() == 3) {
            return zone;
        }
        return zone.indexOf(':') > 0 ? zone : zone.substring(0, 3) + ":" + zone.substring(3);
    }
}
