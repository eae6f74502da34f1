package dev.knownerrors.kb.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as they are written in logging configurations, one syntax for every adapter
 * property: a number and a unit ({@code 1ms}, {@code 500 us}, {@code 30 seconds},
 * {@code 2 minutes}), ISO-8601 ({@code PT0.5S}), or {@code 0} for none.
 */
public final class Durations {

    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(ns|nanos?|nanoseconds?|us|\u00b5s|micros?|microseconds?|ms|millis?|milliseconds?"
                    + "|s|secs?|seconds?|m|mins?|minutes?|h|hours?)?");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming what was expected, for anything else
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return nonNegative(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) {
            throw invalid(text);
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (amount != 0) {
                throw new IllegalArgumentException("'" + text + "' needs a unit, e.g. 1ms, 500us, 30 seconds");
            }
            return Duration.ZERO;
        }
        double nanosPerUnit;
        if (unit.startsWith("n")) {
            nanosPerUnit = 1;
        } else if (unit.startsWith("u") || unit.startsWith("\u00b5") || unit.startsWith("mic")) {
            nanosPerUnit = 1e3;
        } else if (unit.equals("ms") || unit.startsWith("mil")) {
            nanosPerUnit = 1e6;
        } else if (unit.startsWith("s")) {
            nanosPerUnit = 1e9;
        } else if (unit.startsWith("m")) {
            nanosPerUnit = 60e9;
        } else {
            nanosPerUnit = 3600e9;
        }
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /** A short form for messages: {@code 1 ms}, {@code 250 µs}, {@code 30 s}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "none";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + " ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + " \u00b5s";
        }
        return nanos + " ns";
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw invalid(text);
        }
        return d;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration: write e.g. 1ms, 500us, 30 seconds or PT1S");
    }
}
