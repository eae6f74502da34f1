package dev.knownerrors.kb.internal;

/**
 * Makes KB text safe to print as one line: line breaks and tabs become spaces, other control
 * characters (C0, DEL, C1) and bidirectional-override characters become U+FFFD (or {@code ?}
 * in ASCII mode, where every other non-ASCII character becomes {@code ?} too), and runs of
 * spaces collapse. Nothing is ever interpreted.
 */
public final class Sanitizer {

    private Sanitizer() {
    }

    public static String oneLine(String text, boolean ascii) {
        if (text == null) {
            return "";
        }
        if (clean(text, ascii)) {
            return text; // the usual case (ids, most KB text): nothing to copy
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '\u2028' || c == '\u2029') {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if (Character.isISOControl(c) || isBidiControl(c)) {
                sb.append(ascii ? '?' : '\uFFFD');
            } else if (ascii && c > 0x7E) {
                sb.append(asciiFor(c));
            } else {
                sb.append(c);
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }

    /** Whether {@link #oneLine} would return the text unchanged. */
    private static boolean clean(String text, boolean ascii) {
        int n = text.length();
        if (n > 0 && (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ')) {
            return false;
        }
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
                continue;
            }
            space = false;
            if (c < 0x20 || c >= 0x7F && (ascii || c <= 0x9F || c == '\u2028' || c == '\u2029' || isBidiControl(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static String asciiFor(char c) {
        switch (c) {
            case '\u2013':
            case '\u2014':
                return "-";
            case '\u2018':
            case '\u2019':
                return "'";
            case '\u201C':
            case '\u201D':
                return "\"";
            case '\u2026':
                return "...";
            case '\u00A0':
                return " ";
            default:
                return "?";
        }
    }
}
