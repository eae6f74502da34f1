package dev.knownerrors.cli;

import dev.knownerrors.kb.internal.Sanitizer;

import java.util.Locale;

/** Escaping for the HTML report: every text from a log or a KB goes through {@link #text}. */
final class Html {

    private Html() {
    }

    /**
     * The text as one line (control and bidi characters neutralised, as on a terminal) with
     * {@code & < > " '} escaped: safe in element content and in quoted attribute values.
     */
    static String text(String raw) {
        String line = Sanitizer.oneLine(raw, false);
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An {@code http(s)} URL as a link; anything else ({@code javascript:}, {@code data:} …) as text only. */
    static String link(String url) {
        String u = Sanitizer.oneLine(url, false);
        String lower = u.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("https://") || lower.startsWith("http://")) && u.indexOf(' ') < 0) {
            return "<a href=\"" + text(u) + "\" rel=\"noopener noreferrer\">" + text(u) + "</a>";
        }
        return "<span class=\"url\">" + text(u) + "</span>";
    }
}
