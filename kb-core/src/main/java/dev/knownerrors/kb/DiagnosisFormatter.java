package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.Sanitizer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Diagnosis} as the text block shown under a log event and as structured
 * fields. The one formatter every adapter and the CLI use, so their text is identical.
 *
 * <pre>
 *   ⚑ known error database/redis-bgsave-fork-error — Redis could not fork … (first sentence)
 *     try: Allow memory overcommit: sysctl vm.overcommit_memory=1 … (90 %)
 *     don't: Raising maxmemory — … (fails 70 %)
 *     docs: https://…
 * </pre>
 * A repeat of the same known error within the adapters' repeat window is shown as one line:
 * <pre>
 *   ⚑ known error database/redis-bgsave-fork-error (seen 1,204 times in the last 60 s; details above)
 * </pre>
 * Lines are joined with {@code \n}; a line whose part is absent is left out. All KB text is
 * sanitised to one line (no CR/LF, control or bidi characters reach the output).
 *
 * <p>{@link #withAnsi(boolean) withAnsi(true)} colours the block for a terminal with ANSI SGR
 * codes, in Logback's {@code %highlight} manner ({@code ESC[<code>m} … {@code ESC[0;39m}): the
 * marker, label and id bold red ({@code 1;31}), the {@code try} line green ({@code 32}), the
 * {@code don't} line yellow ({@code 33}), the {@code docs} line faint ({@code 2}); indentation and
 * the root cause stay uncoloured. The codes are added after the KB text is sanitised, so the only
 * escape sequences in the output are these. {@link #fields} never carry codes.
 *
 * <p>Immutable and thread-safe; formatting allocates only for events that matched.
 */
public final class DiagnosisFormatter {

    public static final String FIELD_ID = "kb.id";
    public static final String FIELD_ROOT_CAUSE = "kb.root_cause";
    public static final String FIELD_WORKAROUND = "kb.workaround";
    public static final String FIELD_DEAD_END = "kb.dead_end";
    public static final String FIELD_DOC_URL = "kb.doc_url";
    public static final String FIELD_CONFIDENCE = "kb.confidence";
    /** Every structured field name, in output order. */
    public static final List<String> FIELD_NAMES = List.of(FIELD_ID, FIELD_ROOT_CAUSE, FIELD_WORKAROUND,
            FIELD_DEAD_END, FIELD_DOC_URL, FIELD_CONFIDENCE);

    private static final String HEAD = "1;31";
    private static final String TRY = "32";
    private static final String DONT = "33";
    private static final String DOCS = "2";
    private static final String RESET = "\u001b[0;39m";

    private final Language language;
    private final boolean ascii;
    private final boolean ansi;

    private DiagnosisFormatter(Language language, boolean ascii, boolean ansi) {
        this.language = language;
        this.ascii = ascii;
        this.ansi = ansi;
    }

    /** A formatter for the given language; {@code ascii} keeps the block's text to printable ASCII. */
    public static DiagnosisFormatter of(Language language, boolean ascii) {
        return new DiagnosisFormatter(language == null ? Language.EN : language, ascii, false);
    }

    /** This formatter with the block coloured by ANSI codes ({@code true}) or plain ({@code false}). */
    public DiagnosisFormatter withAnsi(boolean ansi) {
        return ansi == this.ansi ? this : new DiagnosisFormatter(language, ascii, ansi);
    }

    public Language language() {
        return language;
    }

    public boolean ascii() {
        return ascii;
    }

    public boolean ansi() {
        return ansi;
    }

    /** The text block, lines joined with {@code \n}, no leading or trailing line break. */
    public String block(Diagnosis diagnosis) {
        KnownError e = diagnosis.knownError();
        boolean zh = language == Language.ZH;
        String dash = ascii ? " - " : " \u2014 ";
        StringBuilder sb = new StringBuilder(256);
        sb.append("  ");
        open(sb, HEAD).append(ascii ? "[known error] " : zh ? "\u2691 \u5df2\u77e5\u9519\u8bef " : "\u2691 known error ");
        close(sb.append(clean(e.id())));
        String cause = firstSentence(clean(e.rootCause(language)));
        if (!cause.isEmpty()) {
            sb.append(dash).append(cause);
        }
        e.topWorkaround().ifPresent(w -> {
            open(sb.append("\n    "), TRY).append(zh && !ascii ? "\u5c1d\u8bd5\uff1a" : "try: ").append(clean(w.text(language)));
            if (w.successRate() != null) {
                sb.append(" (").append(percent(w.successRate())).append(" %)");
            }
            close(sb);
        });
        e.firstDeadEnd().ifPresent(d -> {
            open(sb.append("\n    "), DONT).append(zh && !ascii ? "\u4e0d\u8981\uff1a" : "don't: ")
                    .append(clean(d.text(language, dash)));
            if (d.failRate() != null) {
                sb.append(zh && !ascii ? " (\u5931\u8d25\u7387 " : " (fails ").append(percent(d.failRate())).append(" %)");
            }
            close(sb);
        });
        String url = clean(e.officialDocUrl());
        if (!url.isEmpty()) {
            close(open(sb.append("\n    "), DOCS).append(zh && !ascii ? "\u6587\u6863\uff1a" : "docs: ").append(url));
        }
        return sb.toString();
    }

    private StringBuilder open(StringBuilder sb, String sgr) {
        return ansi ? sb.append("\u001b[").append(sgr).append('m') : sb;
    }

    private StringBuilder close(StringBuilder sb) {
        return ansi ? sb.append(RESET) : sb;
    }

    /** What follows a message that carries a diagnosis: a line break and the block. */
    public String suffix(Diagnosis diagnosis) {
        return "\n" + block(diagnosis);
    }

    /**
     * The one-line reference shown instead of the block when the same known error repeats within
     * {@code window}: {@code seen} is how many times it was seen in that window, this time included.
     */
    public String repeat(Diagnosis diagnosis, long seen, Duration window) {
        return repeatLine(diagnosis, window).text(seen);
    }

    /**
     * {@link #repeat} prepared for one known error and window, to be rendered for each count: an
     * adapter shows it for every repeat of the known error, so only the count is put together per
     * event.
     */
    public RepeatLine repeatLine(Diagnosis diagnosis, Duration window) {
        String id = clean(diagnosis.knownError().id());
        if (language == Language.ZH && !ascii) {
            return new RepeatLine("  \u2691 \u5df2\u77e5\u9519\u8bef " + id + "\uff08" + span(window, true) + "\u5185\u5df2\u51fa\u73b0 ",
                    " \u6b21\uff0c\u8be6\u60c5\u89c1\u4e0a\u6587\uff09");
        }
        return new RepeatLine((ascii ? "  [known error] " : "  \u2691 known error ") + id + " (seen ",
                " times in the last " + span(window, false) + "; details above)");
    }

    /** One known error's repeat reference for one window, but for its count ({@link #repeatLine}). Immutable. */
    public static final class RepeatLine {
        private final String before;
        private final String lineBreakBefore;
        private final String after;

        private RepeatLine(String before, String after) {
            this.before = before;
            this.lineBreakBefore = "\n" + before;
            this.after = after;
        }

        /** The line for {@code seen} events of the known error in the window, this one included. */
        public String text(long seen) {
            return before + grouped(seen) + after; // String.format would cost microseconds on every repeat
        }

        /** What follows the message of such an event: a line break and {@link #text}. */
        public String suffix(long seen) {
            return lineBreakBefore + grouped(seen) + after;
        }
    }

    /** {@code n} with a comma every three digits: what {@code %,d} gives in the root locale. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int len = digits.length();
        if (len - start <= 3) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(len + len / 3);
        sb.append(digits, 0, start);
        for (int i = start; i < len; i++) {
            if (i > start && (len - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** A window in the largest unit that states it exactly: 500 ms, 60 s, 5 min, 2 h. */
    private static String span(Duration window, boolean zh) {
        long ms = window.toMillis();
        if (ms >= 3_600_000 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + (zh ? " \u5c0f\u65f6" : " h");
        }
        if (ms >= 120_000 && ms % 60_000 == 0) {
            return ms / 60_000 + (zh ? " \u5206\u949f" : " min");
        }
        if (ms >= 1000 && ms % 1000 == 0) {
            return ms / 1000 + (zh ? " \u79d2" : " s");
        }
        return ms + (zh ? " \u6beb\u79d2" : " ms");
    }

    /**
     * The structured fields ({@code kb.id}, {@code kb.root_cause}, {@code kb.workaround},
     * {@code kb.dead_end}, {@code kb.doc_url}, {@code kb.confidence}), one line each; a field
     * whose value the entry does not have is left out. Unmodifiable, in {@link #FIELD_NAMES} order.
     */
    public Map<String, String> fields(Diagnosis diagnosis) {
        KnownError e = diagnosis.knownError();
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, FIELD_ID, e.id());
        put(fields, FIELD_ROOT_CAUSE, e.rootCause(language));
        e.topWorkaround().ifPresent(w -> put(fields, FIELD_WORKAROUND, w.text(language)));
        e.firstDeadEnd().ifPresent(d -> put(fields, FIELD_DEAD_END, d.text(language, ascii ? " - " : " \u2014 ")));
        put(fields, FIELD_DOC_URL, e.officialDocUrl());
        if (e.confidence() != null) {
            fields.put(FIELD_CONFIDENCE, String.format(Locale.ROOT, "%.2f", e.confidence()));
        }
        return Collections.unmodifiableMap(fields);
    }

    private void put(Map<String, String> fields, String key, String value) {
        String v = clean(value);
        if (!v.isEmpty()) {
            fields.put(key, v);
        }
    }

    private String clean(String text) {
        return Sanitizer.oneLine(text, ascii);
    }

    private static long percent(double rate) {
        return Math.round(rate * 100);
    }

    /** The first sentence: up to the first '.', '!' or '?' followed by a space, or a CJK full stop. */
    static String firstSentence(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3002' || c == '\uff01' || c == '\uff1f') {
                return text.substring(0, i + 1);
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && text.charAt(i + 1) == ' '
                    && !isAbbreviation(text, i)) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    private static boolean isAbbreviation(String text, int dot) {
        int start = text.lastIndexOf(' ', dot - 1) + 1;
        String word = text.substring(start, dot).toLowerCase(Locale.ROOT);
        return word.equals("e.g") || word.equals("i.e") || word.equals("etc") || word.equals("vs")
                || word.equals("approx") || word.length() == 1;
    }
}
