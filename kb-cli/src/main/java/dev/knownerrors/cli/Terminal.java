package dev.knownerrors.cli;

import dev.knownerrors.kb.internal.Sanitizer;

/** Makes any text from a log, a file name or a KB safe to print on a terminal, as one line. */
final class Terminal {

    private Terminal() {
    }

    /** One line, control and bidi characters neutralised (and non-ASCII too when {@code ascii}). */
    static String clean(String text, boolean ascii) {
        return Sanitizer.oneLine(text, ascii);
    }

    /** {@link #clean} cut to about {@code max} characters, with an ellipsis when cut. */
    static String cut(String text, int max, boolean ascii) {
        String raw = text.length() > max * 4 ? text.substring(0, max * 4) : text;
        String line = clean(raw, ascii);
        if (line.length() <= max && raw.length() == text.length()) {
            return line;
        }
        int end = Math.min(max, line.length());
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + (ascii ? "..." : "\u2026");
    }
}
