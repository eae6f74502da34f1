package dev.knownerrors.cli;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Splits a stream of log lines into events. An event starts at a line that is not a
 * continuation; continuations are blank lines, lines starting with whitespace,
 * {@code Caused by:}, {@code Suppressed:} or {@code ... N more}, and the header line of a stack
 * trace ({@code java.net.ConnectException: Connection refused}: a qualified class name ending in
 * {@code Exception}, {@code Error} or {@code Throwable}, then {@code :} or the end of the line),
 * which Logback, Log4j and {@code printStackTrace} all write unindented right under the message.
 * The text of an event leaves out
 * stack frames ({@code at …}) and {@code ... N more} lines, and stops growing at
 * {@code maxTextChars}. Streams: only the current event is held. Not thread-safe.
 */
final class LogEventReader {

    private static final Pattern OMITTED = Pattern.compile("^\\s*\\.\\.\\. \\d+ (more|common frames omitted)\\b");
    private static final Pattern TRACE_HEADER = Pattern.compile(
            "^(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(?:Exception|Error|Throwable)(?::|$)");
    private static final Pattern FRAME = Pattern.compile("^\\s+at ");

    private final LineReader lines;
    private final int maxTextChars;
    private String pending;
    private long pendingLine;
    private long lineNumber;

    LogEventReader(LineReader lines, int maxTextChars) {
        this.lines = lines;
        this.maxTextChars = maxTextChars;
    }

    /** How many lines were read so far. */
    long lines() {
        return lineNumber;
    }

    /** The next event, or {@code null} at the end of the input. */
    LogEvent next() throws IOException {
        String first = pending;
        long start = pendingLine;
        pending = null;
        while (first == null) {
            String line = lines.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                first = line;
                start = lineNumber;
            }
        }
        StringBuilder text = new StringBuilder(first.length() + 16);
        text.append(first, 0, Math.min(first.length(), maxTextChars));
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (!isContinuation(line)) {
                pending = line;
                pendingLine = lineNumber;
                break;
            }
            if (text.length() < maxTextChars && !line.isBlank() && !isFrame(line)) {
                text.append('\n').append(line, 0, Math.min(line.length(), maxTextChars - text.length()));
            }
        }
        return new LogEvent(start, first, LogLevel.find(first), text.toString());
    }

    static boolean isContinuation(String line) {
        return line.isEmpty()
                || Character.isWhitespace(line.charAt(0))
                || line.startsWith("Caused by:")
                || line.startsWith("Suppressed:")
                || OMITTED.matcher(line).find()
                || TRACE_HEADER.matcher(line).find();
    }

    private static boolean isFrame(String line) {
        return FRAME.matcher(line).find() || OMITTED.matcher(line).find();
    }
}
