package dev.knownerrors.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level of a log event, as the first level word of its first line says. WARNING counts as
 * WARN, SEVERE and FATAL as ERROR. Upper-case words count anywhere; lower-case ones only in
 * {@code [error]}, {@code level=error} or {@code "level":"error"} form, so that a message saying
 * "no error" is not taken for a level.
 */
enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    private static final String WORDS = "TRACE|DEBUG|INFO|WARNING|WARN|ERROR|FATAL|SEVERE";
    private static final Pattern LEVEL = Pattern.compile(
            "\\b(" + WORDS + ")\\b"
            + "|(?<=\\[|level=|level=\"|\"level\":\"|\"level\": \")(?i:(" + WORDS + "))\\b");

    /** The level of a first line, or {@code null} when it has no level word. */
    static LogLevel find(CharSequence line) {
        Matcher m = LEVEL.matcher(line);
        if (!m.find()) {
            return null;
        }
        return parse(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** Parses a level word, case-insensitively, with its aliases. */
    static LogLevel parse(String word) {
        String w = word.strip().toUpperCase(Locale.ROOT);
        switch (w) {
            case "WARNING":
                return WARN;
            case "SEVERE":
            case "FATAL":
                return ERROR;
            default:
                return LogLevel.valueOf(w);
        }
    }

    static final class Converter implements ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown level '" + value
                        + "' (expected TRACE, DEBUG, INFO, WARN, WARNING, ERROR, FATAL or SEVERE)");
            }
        }
    }
}
