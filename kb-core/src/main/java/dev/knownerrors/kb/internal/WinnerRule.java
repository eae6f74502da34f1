package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.Diagnosis;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The winner rule over one event's candidates, which the engine feeds in winner order: the
 * best accepted match so far, and whether a later candidate could still beat it. One per
 * thread (it lives in the engine's scratch space), reset for every event.
 */
final class WinnerRule {

    private final CompiledEntry[] ranked;
    private final boolean[] guarded;
    /** Per guarded entry, the alternatives whose matches never count ({@code null}: all count). */
    private final boolean[][] ignored;
    private final int[] tier;
    private final int[] upper;
    private final String[][] signatureWords;
    private int best = -1;
    private int bestEvidence;
    private int bestShare;
    private String bestText;
    private int bestStart;
    private int bestEnd;
    /** The event's words, read when two matches first compete on their signatures. */
    private Set<String> words;

    /**
     * Whether entry {@code e} can still have an accepted match starting at or after {@code from}
     * in the event's text: some alternative that counts has its literal runs there, in order (a
     * superset answer is always allowed). Saves the retries of a guarded entry's rejected match
     * when nothing after it could be accepted: each is a regex search through the rest of the text.
     */
    interface Tail {
        boolean mayMatchFrom(int e, int from);

        /**
         * The first place at or after {@code from} where a match of entry {@code e} can begin
         * (where one of its alternatives' first runs occurs, when every match begins with one),
         * {@code from} itself when that is not known, or -1 when no match can begin there or
         * later. A regex search reads every place it passes: a jump to the next rejected
         * word's place saves reading the text between (about 0.1 µs a character for a
         * case-insensitive regex with a few alternatives).
         */
        int nextStart(int e, int from);
    }

    private final Tail tail;

    WinnerRule(CompiledEntry[] ranked, boolean[] guarded, boolean[][] ignored, int[] tier, int[] upper,
               String[][] signatureWords, Tail tail) {
        this.tail = tail;
        this.ranked = ranked;
        this.guarded = guarded;
        this.ignored = ignored;
        this.tier = tier;
        this.upper = upper;
        this.signatureWords = signatureWords;
    }

    /** Starts an event. */
    void reset() {
        best = -1;
        bestText = null;
        words = null;
    }

    /**
     * Whether no candidate from {@code e} on can beat the best match so far. Candidates come
     * in winner order (tier, then the most evidence a match can carry, descending): a later
     * tier cannot win; among own and bundled entries, nor can one whose best possible evidence
     * is below the best match's; among third-party entries, the same once the best match's
     * signature share is already full.
     */
    boolean settled(int e) {
        if (best < 0) {
            return false;
        }
        if (tier[e] != tier[best]) {
            return tier[e] > tier[best];
        }
        return upper[e] < bestEvidence && (tier[e] == 0 || bestShare == Similarity.FULL);
    }

    /**
     * Runs candidate {@code e}; keeps its match when accepted and better than the best so far:
     * an earlier tier; then, among own and bundled entries, more evidence, else a signature
     * the event resembles more; among third-party entries the other way round. Ties keep the
     * earlier candidate, so the order decides. {@code last}: no candidate follows (an unguarded
     * first match then needs no evidence weighed).
     */
    void consider(int e, Matcher m, CharSequence text, boolean last) {
        if (last && best < 0 && !guarded[e]) {
            // the only match there will be, and nothing to compare its evidence with: not weighed
            if (m.find()) {
                keep(e, 0, -1, m);
            }
            return;
        }
        int evidence = accepted(e, m, text);
        if (evidence < 0) {
            return;
        }
        if (best < 0 || tier[e] < tier[best]) {
            keep(e, evidence, -1, m);
            return;
        }
        if (tier[e] > tier[best]) {
            return;
        }
        // the signature share is computed only here, when two matches compete (an event with one match allocates nothing for it)
        int share;
        boolean better;
        if (tier[e] == 0 && evidence != bestEvidence) {
            // own and bundled entries are written not to overlap: evidence first
            share = -1;
            better = evidence > bestEvidence;
        } else {
            // third-party regexes overlap heavily: the signature the event resembles most first
            share = share(e, text);
            int bs = bestShare(text);
            better = tier[e] == 0 ? share > bs : share > bs || (share == bs && evidence > bestEvidence);
        }
        if (better) {
            keep(e, evidence, share, m);
        }
    }

    private void keep(int e, int evidence, int share, Matcher m) {
        best = e;
        bestEvidence = evidence;
        bestShare = share;
        bestText = m.group();
        bestStart = m.start();
        bestEnd = m.end();
    }

    private int bestShare(CharSequence text) {
        if (bestShare < 0) {
            bestShare = share(best, text);
        }
        return bestShare;
    }

    private int share(int e, CharSequence text) {
        if (words == null) {
            words = Similarity.words(text);
        }
        return Similarity.share(signatureWords[e], words);
    }

    /**
     * The evidence of the first accepted match of entry {@code e} (the first of a few
     * successive matches, for a guarded entry whose leftmost match is too weak), or -1.
     * Evidence is read from {@code plain}: the event's text, through the budget's clock when
     * there is one (on a long match it is work too).
     */
    int accepted(int e, Matcher m, CharSequence plain) {
        if (!m.find()) {
            return -1;
        }
        for (int tries = 1; ; tries++) {
            int evidence = Evidence.of(ranked[e], ignored[e], plain, m.start(), m.end());
            if (!guarded[e] || Evidence.accepted(evidence, m.end() - m.start())) {
                return evidence;
            }
            // the next match may start inside this one: another alternative can match there
            if (tries == Engine.MAX_TRIES || m.start() + 1 > plain.length() || !tail.mayMatchFrom(e, m.start() + 1)) {
                return -1;
            }
            int next = tail.nextStart(e, m.start() + 1);
            if (next < 0 || !m.find(next)) {
                return -1;
            }
        }
    }

    Optional<Diagnosis> result() {
        if (best < 0) {
            words = null;
            return Optional.empty();
        }
        Diagnosis d = new Diagnosis(ranked[best].entry(), bestText, bestStart, bestEnd);
        bestText = null;
        words = null;
        return Optional.of(d);
    }
}
