package dev.knownerrors.kb.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The prefilter's second, positional step. The scan only knows which windows occur
 * somewhere; a regex such as {@code p99.*latency} is then a candidate on "latency p99=41ms",
 * and its failing run costs microseconds of backtracking. Every match of an alternative
 * contains that alternative's literal runs one after another, in regex order and without
 * overlap, so a candidate none of whose alternatives finds its runs in that order in the
 * (case-folded) text cannot match and need not run. Finding each run at its earliest place
 * after the previous one decides this exactly: an embedding exists if and only if the greedy
 * one does.
 *
 * <p>The engine checks a candidate just before its regex would run, so the candidates that the
 * winner rule skips once an event is settled cost nothing here; the text is folded on the first
 * check of an event. Only the alternatives whose windows all occurred are looked at (the others
 * cannot match): a broad entry has dozens of alternatives, each a search through the text.
 *
 * <p>The check's own work is bounded per event ({@link #MAX_WORK} character comparisons, about 0.1 ms): a
 * text built to make the naive search slow only leaves the remaining candidates unchecked,
 * which keeps them (a superset, as before).
 *
 * <p>Per-thread state (folding buffers); not thread-safe.
 */
final class InOrder {

    /** Character comparisons per event (about 0.1 ms); past them, candidates are kept unchecked. */
    static final int MAX_WORK = 1 << 17;
    /** Distinct first runs an entry may have for its regex to be started at the first of them. */
    static final int MAX_STARTS = 4;

    /** The text, folded, when some folded character is past 255; else the text as given. */
    private char[] folded = new char[256];
    /** The folded text as bytes when every folded character is below 256 ({@link #latin}), then 8 zero bytes. */
    private byte[] bytes = new byte[256 + 8];
    private boolean latin;
    /** Eight bytes of an array read as one {@code long}, the first in the lowest bits (an intrinsic). */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The runs to check for an entry: per alternative that the prefilter knows (not those in
     * {@code ignored}, a guarded entry's whose matches are never accepted), its folded runs in
     * order; {@code null} when there is nothing to check.
     */
    static char[][][] runs(List<List<String>> literals, boolean[] ignored) {
        if (literals == null || literals.isEmpty()) {
            return null;
        }
        List<char[][]> out = new ArrayList<>(literals.size());
        for (int k = 0; k < literals.size(); k++) {
            List<String> alt = literals.get(k);
            if (ignored != null && ignored[k]) {
                continue;
            }
            if (alt.isEmpty()) {
                return null; // an alternative that requires nothing: the entry cannot be ruled out
            }
            char[][] r = new char[alt.size()][];
            for (int i = 0; i < r.length; i++) {
                r[i] = alt.get(i).toCharArray();
            }
            out.add(r);
        }
        return out.isEmpty() ? null : out.toArray(new char[0][][]);
    }

    /**
     * The first runs of an entry's alternatives when every match of every alternative begins
     * with its first run (folded, distinct), else {@code null}: the regex need not be tried
     * before the first place one of them occurs. Not for a regex with {@code \G}, which a
     * later start would move.
     */
    static char[][] starts(CompiledEntry c) {
        if (c.literals() == null || c.literals().isEmpty() || c.pattern().pattern().contains("\\G")) {
            return null;
        }
        List<String> firsts = new ArrayList<>();
        for (int k = 0; k < c.literals().size(); k++) {
            List<String> runs = c.literals().get(k);
            if (runs.isEmpty() || !c.starts().get(k)) {
                return null;
            }
            if (!firsts.contains(runs.get(0))) {
                firsts.add(runs.get(0));
            }
        }
        if (firsts.size() > MAX_STARTS) {
            return null; // a broad entry: finding where it may start would cost about what trying it costs
        }
        char[][] out = new char[firsts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = firsts.get(i).toCharArray();
        }
        return out;
    }

    /**
     * Where the first match of an entry with these first runs ({@link #starts}) can begin at
     * the earliest in {@code text[0, length)}: the first place one of them occurs; 0 when there
     * is nothing to go by. The same text as the event's {@link #admits} calls, the last of
     * which was for this entry: only the places before the one it found are searched.
     */
    int earliest(char[][] firsts, CharSequence text, int length) {
        if (firsts == null || work > MAX_WORK) {
            return 0;
        }
        if (foldedText != text) {
            fold(text, length);
            foldedText = text;
        }
        int checked = work;
        int min = firstOf(firsts, length, 0, admittedAt);
        // not counted as the positional step's work: the admitted alternative's own search already
        // paid for reading the places before the one it found, and these at most MAX_STARTS - 1
        // searches read only those places, so they stay within MAX_STARTS times the step's bound
        work = checked;
        return Math.max(min, 0);
    }

    /**
     * The first place at or after {@code from} where one of an entry's first runs
     * ({@link #starts}) occurs in {@code text[0, length)}, so where its next match can begin at
     * the earliest; -1 when none occurs there; {@code from} when there is nothing to go by
     * ({@code null} first runs, or the work bound spent). The same text as the event's other
     * calls; it counts towards the work bound.
     */
    int nextStart(char[][] firsts, CharSequence text, int length, int from) {
        if (firsts == null || work > MAX_WORK) {
            return from;
        }
        if (foldedText != text) {
            fold(text, length);
            foldedText = text;
        }
        return firstOf(firsts, length, from, -1);
    }

    /**
     * The first place at or after {@code from}, and before {@code min} (-1: no bound), where one
     * of the runs occurs in the folded text {@code [0, length)}; {@code min} when none does.
     */
    private int firstOf(char[][] runs, int length, int from, int min) {
        for (char[] run : runs) {
            int at = indexOf(folded, min < 0 ? length : Math.min(length, min + run.length - 1), run, from);
            if (at >= 0) {
                min = at;
            }
        }
        return min;
    }

    /**
     * Compacts {@code candidates[0, n)} to the entries that may match {@code text[0, length)}
     * (order kept) and returns how many remain.
     */
    int filter(CharSequence text, int length, int[] candidates, int n, char[][][][] order) {
        return filter(text, length, candidates, n, order, null);
    }

    /** As above, checking only the alternatives whose windows all occurred in {@code scan} (null: every one). */
    int filter(CharSequence text, int length, int[] candidates, int n, char[][][][] order, Prefilter.Scan scan) {
        begin();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int e = candidates[i];
            if (admits(order[e], text, length, scan, e)) {
                candidates[kept++] = e;
            }
        }
        begin(); // forget the text
        return kept;
    }

    private CharSequence foldedText;
    private int work;

    /** Starts an event (and forgets the last one's text): its text is folded on the first check that needs it. */
    void begin() {
        foldedText = null;
        work = 0;
        admittedAt = -1;
    }

    /**
     * Whether an entry with these runs ({@code null}: nothing to check) may match
     * {@code text[0, length)}: some alternative finds its runs in order. The same text, unchanged,
     * for every call between two {@link #begin}s.
     */
    boolean admits(char[][][] alts, CharSequence text, int length, Prefilter.Scan scan, int entry) {
        admittedAt = -1;
        if (alts == null || work > MAX_WORK) {
            return true;
        }
        if (foldedText != text) {
            fold(text, length);
            foldedText = text;
        }
        for (int k = 0; k < alts.length; k++) {
            if (scan != null && !scan.passed(entry, k)) {
                continue; // some window of this alternative is not in the text: it cannot match
            }
            int first = inOrder(alts[k], length, 0);
            if (first >= 0) {
                admittedAt = first;
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some alternative of an entry with these runs ({@code null}: nothing to check)
     * finds its runs in order in {@code text[from, length)}: a match that starts there contains
     * them. The same text as the event's other calls; it counts towards the work bound, past
     * which the answer is {@code true}.
     */
    boolean admitsFrom(char[][][] alts, CharSequence text, int length, int from) {
        if (alts == null || work > MAX_WORK) {
            return true;
        }
        if (foldedText != text) {
            fold(text, length);
            foldedText = text;
        }
        for (char[][] alt : alts) {
            if (inOrder(alt, length, from) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where the first of an alternative's runs is, when they all occur in order in the folded text from {@code from} on; else -1. */
    private int inOrder(char[][] alt, int length, int from) {
        int first = -1;
        for (char[] run : alt) {
            int at = indexOf(folded, length, run, from);
            if (at < 0) {
                return -1;
            }
            if (first < 0) {
                first = at;
            }
            from = at + run.length;
        }
        return first;
    }

    /**
     * Where the first run of the alternative that the last {@link #admits} call found occurs
     * first (that run is one of the entry's first runs, so {@link #earliest} is at most this);
     * -1 when that call checked nothing.
     */
    private int admittedAt = -1;

    private void fold(CharSequence text, int length) {
        if (folded.length < length) {
            folded = new char[Math.max(length, folded.length * 2)];
        }
        if (bytes.length < length + 8) {
            bytes = new byte[Math.max(length, 2 * bytes.length) + 8];
        }
        char[] t = folded;
        if (text instanceof String str) {
            str.getChars(0, length, t, 0); // an intrinsic: faster than charAt one by one
        } else {
            for (int i = 0; i < length; i++) {
                t[i] = text.charAt(i);
            }
        }
        byte[] b = bytes;
        int any = 0;
        for (int i = 0; i < length; i++) {
            char f = CaseFold.fold(t[i]);
            any |= f;
            b[i] = (byte) f;
        }
        for (int i = length; i < length + 8; i++) {
            b[i] = 0;
        }
        latin = any < 256;
        if (!latin) { // the searches go through the folded characters
            for (int i = 0; i < length; i++) {
                t[i] = CaseFold.fold(t[i]);
            }
        }
    }

    /**
     * The first place at or after {@code from} where {@code run} starts in {@code t[0, length)},
     * or -1; every character comparison is counted into {@link #work}.
     */
    private int indexOf(char[] t, int length, char[] run, int from) {
        if (latin) {
            return indexOfLatin(bytes, length, run, from);
        }
        char first = run[0];
        int last = length - run.length;
        int compared = 0;
        outer:
        for (int i = from; i <= last; i++) {
            compared++;
            if (t[i] != first) {
                continue;
            }
            for (int k = 1; k < run.length; k++) {
                compared++;
                if (t[i + k] != run[k]) {
                    continue outer;
                }
            }
            work += compared;
            return i;
        }
        work += compared;
        return -1;
    }

    /**
     * {@link #indexOf} in a text whose folded characters are all below 256, over its bytes: eight
     * places are tested at a time for the run's last character (one XOR, and the classic test for
     * a zero byte in a word, which flags every zero byte, and at worst a few more), then each place
     * flagged is compared whole. A run character past 255 never equals a byte, so such a run is
     * never found, as in the text.
     */
    private int indexOfLatin(byte[] b, int length, char[] run, int from) {
        int last = length - run.length;
        if (from > last) {
            return -1;
        }
        int probe = run.length - 1;
        long pattern = (run[probe] & 0xFFL) * ONES;
        int compared = 0;
        for (int j = from + probe, end = last + probe; j <= end; j += 8) {
            long x = (long) LONGS.get(b, j) ^ pattern;
            long hits = (x - ONES) & ~x & HIGHS;
            compared += 8;
            while (hits != 0) {
                int s = j + (Long.numberOfTrailingZeros(hits) >>> 3) - probe;
                if (s > last) {
                    work += compared;
                    return -1;
                }
                int k = 0;
                while (k < run.length && (b[s + k] & 0xFF) == run[k]) { // exact: a run character past 255 never equals
                    k++;
                }
                compared += k + 1;
                if (k == run.length) {
                    work += compared;
                    return s;
                }
                hits &= hits - 1;
            }
        }
        work += compared;
        return -1;
    }
}
