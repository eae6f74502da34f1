package dev.knownerrors.kb.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the trigger windows of an alternative: from its literal runs of at least
 * {@link Prefilter#MIN_LITERAL} characters, the rarest piece of at most
 * {@link Prefilter#WINDOW} characters of each, best first, at most
 * {@link Prefilter#WINDOWS_PER_ALTERNATIVE}. Rarity is estimated from how common each
 * character is in log text, with a penalty for the words every log is full of: a trigger
 * that occurs in ordinary lines costs a regex run on them.
 */
final class Windows {

    /**
     * Secondary windows are as long as a trigger's anchor at least: the scan finds every window
     * by its anchor (a shorter literal is left to the positional step).
     */
    static final int MIN_SECONDARY = Prefilter.ANCHOR;

    /** Substrings of ordinary log lines: characters inside one of them are weak evidence. */
    private static final String[] COMMON = {
        "java.lang.", "java.util.", "java.io.", "java.net.", "javax.", "jakarta.", "org.", "com.", "net.", "io.",
        "springframework", "apache", "exception", "error", "failed", "warning", "info", "debug", "connection",
        "caused by", "request", "response", "timeout", "thread", "started", "server", "client", "service",
        "http", "null", "status", "message", "internal", "unknown", "cannot", "could not", "unable to",
        "invalid", "not found", "the ", " of ", " to ", " for ", " is ", " in ", " and ",
    };

    private Windows() {
    }

    /**
     * The windows of one alternative, best first; empty when no run is long enough. The first
     * is the trigger (from a run of {@link Prefilter#MIN_LITERAL}+ characters); the others,
     * non-overlapping, narrow the candidates further, and may come from runs of
     * {@link #MIN_SECONDARY} characters. When the trigger ends in an anchor that ordinary lines
     * lack, so do the others.
     */
    static List<String> of(List<String> runs) {
        List<String> out = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<boolean[]> taken = new ArrayList<>();
        List<boolean[]> ordinaryAt = new ArrayList<>();
        for (String run : runs) {
            char[] chars = run.toCharArray();
            boolean[] ordinary = OrdinaryText.at(chars);
            weights.add(weights(chars, ordinary));
            taken.add(new boolean[chars.length]);
            ordinaryAt.add(ordinary);
        }
        boolean rareTrigger = false;
        while (out.size() < Prefilter.WINDOWS_PER_ALTERNATIVE) {
            int bestRun = -1;
            int bestAt = 0;
            int bestWidth = 0;
            double bestScore = -1;
            int min = out.isEmpty() ? Prefilter.MIN_LITERAL : MIN_SECONDARY;
            int max = out.isEmpty() ? Prefilter.WINDOW : Prefilter.SECONDARY_WINDOW;
            for (int r = 0; r < runs.size(); r++) {
                boolean[] runTaken = taken.get(r);
                boolean[] ordinary = ordinaryAt.get(r);
                double[] runWeights = weights.get(r);
                for (int at = 0; at < runTaken.length; at++) {
                    int free = freeWidth(runTaken, at, max);
                    // the widest window from here, unless a narrower one ends in an anchor that
                    // ordinary lines lack (the scan looks windows up by their anchor wherever it occurs)
                    for (int width = free; width >= min; width--) {
                        boolean rareEnd = !ordinary[at + width - Prefilter.ANCHOR];
                        if (!rareEnd && (width < free || rareTrigger)) {
                            continue;
                        }
                        double score = sum(runWeights, at, width) + (rareEnd ? RARE_ANCHOR : 0);
                        if (score > bestScore) {
                            bestRun = r;
                            bestAt = at;
                            bestWidth = width;
                            bestScore = score;
                        }
                        if (rareEnd) {
                            break;
                        }
                    }
                }
            }
            if (bestRun < 0) {
                break;
            }
            String window = runs.get(bestRun).substring(bestAt, bestAt + bestWidth);
            if (out.isEmpty()) {
                // a trigger that ordinary lines rarely set off needs no narrowing, and a secondary
                // window with an ordinary anchor costs a lookup wherever ordinary text has that
                // anchor: such an alternative gets secondaries with rare anchors only (or none)
                rareTrigger = !ordinaryAt.get(bestRun)[bestAt + bestWidth - Prefilter.ANCHOR];
            }
            out.add(window);
            java.util.Arrays.fill(taken.get(bestRun), bestAt, bestAt + bestWidth, true);
        }
        return out;
    }

    /** How many free characters start at {@code at}, up to one window. */
    private static int freeWidth(boolean[] taken, int at, int max) {
        int w = 0;
        while (at + w < taken.length && !taken[at + w] && w < max) {
            w++;
        }
        return w;
    }

    /**
     * Per character of a run, how rare it makes a window: common characters and common words
     * count little. {@code ordinaryAt}: {@link OrdinaryText#at} of the run.
     */
    static double[] weights(char[] run, boolean[] ordinaryAt) {
        double[] w = new double[run.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(run[i]);
        }
        for (int at = 0; at < run.length; at++) {
            char first = run[at];
            if (first >= 128) {
                continue;
            }
            for (char[] common : COMMON_BY_FIRST[first]) {
                if (startsWith(run, at, common)) {
                    for (int i = at; i < at + common.length; i++) {
                        w[i] = weight(run[i]) * 0.2;
                    }
                }
            }
        }
        // characters that only ever appear inside 4-grams of ordinary log lines are weak evidence too
        boolean[] ordinary = new boolean[run.length];
        for (int at = 0; at + GRAM <= run.length; at++) {
            if (ordinaryAt[at]) {
                java.util.Arrays.fill(ordinary, at, at + GRAM, true);
            }
        }
        for (int i = 0; i < w.length; i++) {
            if (ordinary[i]) {
                w[i] *= 0.2;
            }
        }
        return w;
    }

    private static final int GRAM = Prefilter.ANCHOR;

    /**
     * What a window gains by ending in an anchor that is not a 4-gram of the benign sample: more
     * than any window's weight, so that such a window is picked whenever there is one.
     */
    private static final double RARE_ANCHOR = 100;

    /**
     * The folded 4-grams of the benign sample (the precision guard's ordinary log lines) and of
     * {@link #COMMON} (healthy logs hardly say "error" or "failed", the scanned WARN+ events say
     * little else), hashed into a 128 KB bitmap, read once. A trigger that occurs in ordinary
     * lines makes every such line a candidate for its entry (bookkeeping, the positional step);
     * one with a 4-gram that is not in them rarely fires. A false positive of the bitmap only
     * makes a window look more common than it is. The precision guard reads it too: a
     * third-party alternative made of such text alone is no evidence ({@link Evidence#everyday}).
     */
    static final class OrdinaryText {
        private static final int BITS = 20;
        private static final long[] GRAMS = load();

        static boolean contains(String folded, int at) {
            int h = hash(folded, at);
            return (GRAMS[h >>> 6] & 1L << h) != 0;
        }

        /**
         * For each place of a folded run, whether the 4-gram starting there is ordinary (false
         * where none fits): looked up once per place, since picking the windows asks for each
         * place many times (each width, each window), and at the first KB load this runs
         * interpreted.
         */
        static boolean[] at(char[] folded) {
            int n = folded.length;
            boolean[] ordinary = new boolean[n];
            for (int at = 0; at + GRAM <= n; at++) {
                int h = hash(folded, at);
                ordinary[at] = (GRAMS[h >>> 6] & 1L << h) != 0;
            }
            return ordinary;
        }

        /** Whether every 4-gram of a folded run is ordinary (true for a run shorter than one). */
        static boolean containsAll(String folded) {
            for (int at = 0; at + GRAM <= folded.length(); at++) {
                if (!contains(folded, at)) {
                    return false;
                }
            }
            return true;
        }

        private static int hash(String s, int at) {
            int h = s.charAt(at);
            for (int i = 1; i < GRAM; i++) {
                h = h * 31 + s.charAt(at + i);
            }
            return spread(h);
        }

        /** {@link #hash(String, int)} over an array: the same value for the same characters. */
        private static int hash(char[] s, int at) {
            int h = s[at];
            for (int i = 1; i < GRAM; i++) {
                h = h * 31 + s[at + i];
            }
            return spread(h);
        }

        private static int spread(int h) {
            return (h * 0x9E3779B1) >>> (32 - BITS);
        }

        /**
         * Runs once per class loader, at the first KB load, mostly before the JIT has compiled
         * anything: plain array loops, not a call per character (a {@code StringBuilder} and
         * {@code CharSequence.charAt} made this twice as slow, cold).
         */
        private static long[] load() {
            long[] grams = new long[1 << (BITS - 6)];
            List<String> lines;
            try {
                lines = new ArrayList<>(BenignSample.lines());
            } catch (RuntimeException | LinkageError e) { // the sample's holder failed to initialise
                return grams; // no sample (a repackaged jar): character rarity alone picks the windows
            }
            lines.addAll(java.util.Arrays.asList(COMMON)); // ordinary in any log, though rare in healthy ones
            char[] buffer = new char[256];
            char[] fold = CaseFold.table();
            for (String line : lines) {
                buffer = add(line, buffer, fold, grams);
            }
            return grams;
        }

        /** 31 to the power of {@code GRAM - 1}: what the first character of a 4-gram weighs in its hash. */
        private static final int FIRST_WEIGHT = 31 * 31 * 31;

        /**
         * Sets the bits of one line's folded 4-grams, hashing as it goes: the hash of each 4-gram
         * is the one before it, less its first character's part, times 31, plus the new
         * character, which in {@code int} arithmetic is {@link #hash(char[], int)} exactly.
         * Returns the buffer, grown when the line did not fit.
         */
        private static char[] add(String line, char[] buffer, char[] fold, long[] grams) {
            int n = line.length();
            char[] folded = buffer.length < n ? new char[Math.max(n, 2 * buffer.length)] : buffer;
            line.getChars(0, n, folded, 0);
            int h = 0;
            for (int i = 0; i < n; i++) {
                char c = fold[folded[i]];
                folded[i] = c;
                if (i >= GRAM) {
                    h -= folded[i - GRAM] * FIRST_WEIGHT;
                }
                h = h * 31 + c;
                if (i >= GRAM - 1) {
                    int bit = spread(h);
                    grams[bit >>> 6] |= 1L << bit;
                }
            }
            return folded;
        }
    }

    /**
     * {@link #COMMON} by first character (all ASCII), so a run is looked at once, not once per
     * common word; as arrays, compared in place (at the first KB load this runs interpreted).
     */
    private static final char[][][] COMMON_BY_FIRST = new char[128][][];

    static {
        for (char c = 0; c < 128; c++) {
            final char first = c;
            COMMON_BY_FIRST[c] = java.util.Arrays.stream(COMMON).filter(w -> w.charAt(0) == first)
                    .map(String::toCharArray).toArray(char[][]::new);
        }
    }

    /** Whether {@code word} stands in {@code run} at {@code at}. */
    private static boolean startsWith(char[] run, int at, char[] word) {
        int end = at + word.length;
        return end <= run.length && java.util.Arrays.equals(run, at, end, word, 0, word.length);
    }

    private static double sum(double[] weights, int from, int width) {
        double s = 0;
        for (int i = from; i < from + width; i++) {
            s += weights[i];
        }
        return s;
    }

    private static double weight(char c) {
        return c < ASCII_WEIGHT.length ? ASCII_WEIGHT[c] : 2;
    }

    /** {@link #rarity} of each ASCII character, looked up rather than worked out per character. */
    private static final double[] ASCII_WEIGHT = new double[128];

    static {
        for (char c = 0; c < ASCII_WEIGHT.length; c++) {
            ASCII_WEIGHT[c] = rarity(c);
        }
    }

    private static double rarity(char c) {
        if (c == ' ' || c == '.' || c == ':' || c == '/' || c == '-' || c == '_' || c == '=' || (c >= '0' && c <= '9')) {
            return 0.5;
        }
        if ("etaoinsrlcd".indexOf(c) >= 0) {
            return 1;
        }
        if (c >= 'a' && c <= 'z') {
            return "xqjzkvwy".indexOf(c) >= 0 ? 2.5 : 1.6;
        }
        return 2;
    }
}
