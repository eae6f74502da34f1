package dev.knownerrors.cli;

/**
 * One event of a log file: a first line and its continuation lines.
 *
 * @param line 1-based number of the event's first line
 * @param firstLine the first line, raw (not safe to print as is)
 * @param level the level word of the first line, or {@code null} when it has none
 * @param text the text to diagnose: the lines joined with {@code \n}, stack frames left out
 */
record LogEvent(long line, String firstLine, LogLevel level, String text) {
}
