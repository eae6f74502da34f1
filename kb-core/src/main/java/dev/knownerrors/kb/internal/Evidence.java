package dev.knownerrors.kb.internal;

import java.util.List;

/**
 * How much literal text stands behind a match. An entry's regex is split into alternatives, each
 * with the literal runs every match of it contains ({@link CompiledEntry#literals()}); the
 * evidence of a match is the largest total length of the runs of an alternative that all occur,
 * in order, in the matched text, a lone plain word counting half (see {@link #plain}). A
 * match of {@code (OOM|java.lang.OutOfMemoryError)} on {@code OOM} is 3 characters of evidence,
 * on the class name 26; {@code filtered} alone is 4.
 *
 * <p>The precision guard asks a guarded entry's match for {@link #MIN_EVIDENCE} characters of
 * evidence, and that the match not be mostly gap: a pattern like {@code channel.*error}
 * bridging 150 characters of an unrelated line says little, the same words 10 characters
 * apart say something.
 */
final class Evidence {

    /** The least literal evidence a guarded entry's match must carry. */
    static final int MIN_EVIDENCE = 8;
    /** A guarded match may bridge at most this many characters not covered by its literals ... */
    static final int GAP_FLOOR = 40;
    /** ... or this many times its evidence, whichever is more. */
    static final int GAP_FACTOR = 3;

    private Evidence() {
    }

    /** The most evidence any alternative of the entry can give (its ranking key). */
    static int max(CompiledEntry c) {
        if (c.literals() == null || c.literals().isEmpty()) {
            return c.specificity();
        }
        int best = 0;
        for (List<String> runs : c.literals()) {
            best = Math.max(best, total(runs));
        }
        return best;
    }

    /**
     * A third-party entry's alternative with less literal text than this, all of it everyday log
     * text (see {@link #everyday}), is no evidence.
     */
    static final int EVERYDAY_BELOW = 2 * MIN_EVIDENCE;

    /** Whether an alternative of this much evidence can ever pass the guard. */
    static boolean strong(List<String> runs) {
        return total(runs) >= MIN_EVIDENCE;
    }

    /**
     * Whether a match of this alternative of a guarded entry can pass the guard: it is strong,
     * and, for third-party data (an entry with an attribution), not everyday log text.
     */
    static boolean counts(CompiledEntry c, List<String> runs) {
        return strong(runs) && !(c.attribution() != null && everyday(runs));
    }

    /**
     * Whether an alternative's literal text is what ordinary log lines are made of: fewer than
     * {@link #EVERYDAY_BELOW} characters, each 4-character piece of which occurs in the shipped
     * sample of ordinary log output ({@code consumer.*lag}, {@code connection.*idle},
     * {@code debug.*connection}; a run shorter than 4 characters has no piece to tell it apart).
     * Healthy lines carry such words together ("kafka.consumer.lag=0", a pool's idle-timeout
     * settings), so a third-party regex made of them says little about an event; a longer phrase
     * of the same words ({@code the database system is starting up}) still counts.
     */
    static boolean everyday(List<String> runs) {
        if (total(runs) >= EVERYDAY_BELOW) {
            return false;
        }
        for (String run : runs) {
            if (!Windows.OrdinaryText.containsAll(run)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per alternative of a guarded entry, whether its matches are left out (they can never pass
     * the guard: see {@link #counts}); {@code null} when every alternative counts, or the entry
     * is not guarded or has no analysed alternatives.
     */
    static boolean[] ignored(CompiledEntry c, boolean guarded) {
        if (!guarded || c.literals() == null) {
            return null;
        }
        boolean[] out = new boolean[c.literals().size()];
        boolean any = false;
        for (int k = 0; k < out.length; k++) {
            out[k] = !counts(c, c.literals().get(k));
            any |= out[k];
        }
        return any ? out : null;
    }

    /** The most evidence a guarded entry's match can carry: its best alternative that can pass the guard; 0 if none. */
    static int maxGuarded(CompiledEntry c) {
        if (c.literals() == null || c.literals().isEmpty()) {
            return c.specificity();
        }
        int best = 0;
        for (List<String> runs : c.literals()) {
            if (counts(c, runs)) {
                best = Math.max(best, total(runs));
            }
        }
        return best;
    }

    /**
     * The evidence of a match of {@code c} over {@code text[start, end)}, leaving out the
     * alternatives flagged in {@code ignored} ({@code null}: none; see {@link #ignored}).
     */
    static int of(CompiledEntry c, boolean[] ignored, CharSequence text, int start, int end) {
        if (c.literals() == null || c.literals().isEmpty()) {
            return c.specificity();
        }
        int best = 0;
        for (int k = 0; k < c.literals().size(); k++) {
            List<String> runs = c.literals().get(k);
            if (ignored != null && ignored[k]) {
                continue;
            }
            if (total(runs) > best) {
                best = Math.max(best, weighInOrder(text, start, end, runs));
            }
        }
        return best;
    }

    /** Whether a guarded entry's match of this evidence over {@code length} characters is accepted. */
    static boolean accepted(int evidence, int length) {
        return evidence >= MIN_EVIDENCE && length - evidence <= Math.max(GAP_FLOOR, GAP_FACTOR * evidence);
    }

    private static int total(List<String> runs) {
        int sum = 0;
        for (String r : runs) {
            sum += r.length();
        }
        return sum;
    }

    /**
     * The evidence of the runs found in order in {@code text[start, end)}, or 0 if one is
     * missing: their total length, except that a lone plain word counts half (see {@link #plain})
     * and a short run inside a longer word ({@code can} in {@code cancelled}, {@code key} in
     * {@code keys}) counts nothing.
     */
    private static int weighInOrder(CharSequence text, int start, int end, List<String> runs) {
        int from = start;
        int sum = 0;
        for (String run : runs) {
            int at = indexOf(text, from, end, run);
            if (at < 0) {
                return 0;
            }
            if (runs.size() == 1 && plain(text, at, run)) {
                return run.length() / 2;
            }
            if (run.length() > SHORT || !insideWord(text, at, run.length())) {
                sum += run.length();
            }
            from = at + run.length();
        }
        return sum;
    }

    /** Runs of at most this many characters count only where they are not part of a longer word. */
    static final int SHORT = 4;

    /** Whether text[at, at + length) continues a word on either side (a camel-case step is a word start). */
    static boolean insideWord(CharSequence text, int at, int length) {
        int end = at + length;
        boolean before = at > 0 && Character.isLetter(text.charAt(at - 1)) && Character.isLetter(text.charAt(at))
                && !(Character.isLowerCase(text.charAt(at - 1)) && Character.isUpperCase(text.charAt(at)));
        boolean after = end < text.length() && Character.isLetter(text.charAt(end)) && Character.isLetter(text.charAt(end - 1))
                && !(Character.isLowerCase(text.charAt(end - 1)) && Character.isUpperCase(text.charAt(end)));
        return before || after;
    }

    /**
     * Whether a run is a plain word: letters only (no space, digit or punctuation inside, as in
     * {@code connection refused}, {@code errno 111}, {@code max_connections}), which the text
     * does not write with an inner capital ({@code OutOfMemoryError}, {@code UNAVAILABLE}).
     * {@code filtered} or {@code Cancelled} alone turn up in any log.
     */
    static boolean plain(CharSequence text, int at, String run) {
        int a = 0;
        int b = run.length();
        while (a < b && !Character.isLetter(run.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetter(run.charAt(b - 1))) {
            b--;
        }
        for (int i = a; i < b; i++) {
            if (!Character.isLetter(run.charAt(i))) {
                return false;
            }
        }
        for (int i = a + 1; i < b; i++) {
            if (Character.isUpperCase(text.charAt(at + i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code run} is case-folded; the text is folded as it is read. */
    private static int indexOf(CharSequence text, int from, int end, String run) {
        int last = end - run.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < run.length(); j++) {
                if (CaseFold.fold(text.charAt(i + j)) != run.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
