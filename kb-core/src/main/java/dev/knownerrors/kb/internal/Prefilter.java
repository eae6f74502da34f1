package dev.knownerrors.kb.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which entries can possibly match a text, found in one pass over it. Each alternative of each
 * entry contributes up to {@link #WINDOWS_PER_ALTERNATIVE} trigger windows (the rarest pieces,
 * at most {@link #WINDOW} characters, of the literal runs every match of it must contain);
 * a dense DFA over case-folded character classes finds them all at once (Aho–Corasick).
 * An entry is a candidate when, for one of its alternatives, every window occurred. Since a
 * match implies its literals occur, the candidates are a superset of the matching entries.
 * Only the triggers go into the DFA: the other windows of an alternative, at most
 * {@link #SHORT} characters, would fire on ordinary text all the time. The scan records every
 * character-class bigram it sees instead, and such a window is checked as its bigrams.
 *
 * <p>Immutable after construction; the per-scan state lives in a {@link Scan}.
 */
final class Prefilter {

    /** A literal run shorter than this is no usable evidence: too common in log text. */
    static final int MIN_LITERAL = 4;
    static final int WINDOW = 8;
    /** Windows after the first only narrow an alternative's candidates; shorter ones keep the DFA small. */
    static final int SECONDARY_WINDOW = 5;
    static final int WINDOWS_PER_ALTERNATIVE = 3;
    /** Distinct classes for the most frequent window characters; the rarer ones share the last class. */
    static final int MAX_CLASSES = 64;

    final int entries;
    private final byte[] classOf = new byte[65536];
    private final int classes;
    private final int shift;
    /** Transitions, {@code state << shift | class}: chars while the states fit, else ints. */
    private final char[] delta16;
    private final int[] delta32;
    private final int[] outStart;
    private final int[] outWindows;
    private final int windows;
    private final int[] trigStart;
    private final int[] trigAlts;
    private final int[] altStart;
    private final int[] altWindows;
    private final int[] altEntry;

    /** Requirement codes from here on are bigrams ({@code BIGRAM + (first << shift | second)}). */
    private static final int BIGRAM = 1 << 24;
    /** Secondary windows this short are checked as their bigrams (in the DFA they would fire too often). */
    private static final int SHORT = 4;

    /**
     * @param windowsByEntry per entry (in winner order), per alternative, its windows (the
     *                       first, the trigger, of 3+ characters); an entry with {@code null}
     *                       here never becomes a candidate
     */
    Prefilter(List<List<List<String>>> windowsByEntry) {
        this.entries = windowsByEntry.size();
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] frequency = new int[65536];
        for (List<List<String>> entryAlts : windowsByEntry) {
            if (entryAlts != null) {
                for (List<String> alt : entryAlts) {
                    for (int i = 0; i < alt.size(); i++) {
                        String w = alt.get(i);
                        if (i == 0 || w.length() > SHORT) {
                            ids.computeIfAbsent(w, k -> ids.size());
                        }
                        for (int k = 0; k < w.length(); k++) {
                            frequency[w.charAt(k)]++;
                        }
                    }
                }
            }
        }
        windows = ids.size();

        // character classes: the most frequent folded window characters get one each, the rest
        // share the last (which only lets more text through: still a superset); 0 is "in no window"
        List<Character> byFrequency = new ArrayList<>();
        for (int c = 0; c < frequency.length; c++) {
            if (frequency[c] > 0) {
                byFrequency.add((char) c);
            }
        }
        byFrequency.sort((a, b) -> frequency[b] != frequency[a] ? frequency[b] - frequency[a] : a - b);
        byte[] classOfFolded = new byte[65536]; // the class of each folded window character
        for (int i = 0; i < byFrequency.size(); i++) {
            classOfFolded[byFrequency.get(i)] = (byte) Math.min(i + 1, MAX_CLASSES - 1);
        }
        classes = Math.min(byFrequency.size() + 1, MAX_CLASSES);
        shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, classes - 1));
        for (int c = 0; c < 65536; c++) {
            classOf[c] = classOfFolded[CaseFold.fold((char) c)];
        }

        List<int[]> alts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int e = 0; e < windowsByEntry.size(); e++) {
            List<List<String>> entryAlts = windowsByEntry.get(e);
            if (entryAlts == null) {
                continue;
            }
            for (List<String> alt : entryAlts) {
                int[] w = new int[8];
                int n = 0;
                for (String window : alt) {
                    if (n + window.length() > w.length) {
                        w = Arrays.copyOf(w, 2 * (n + window.length()));
                    }
                    if (n == 0 || window.length() > SHORT) {
                        w[n++] = ids.get(window);
                    } else {
                        for (int i = 0; i + 1 < window.length(); i++) {
                            w[n++] = BIGRAM + (classOfFolded[window.charAt(i)] << shift | classOfFolded[window.charAt(i + 1)]);
                        }
                    }
                }
                alts.add(Arrays.copyOf(w, n));
                owner.add(e);
            }
        }
        altStart = new int[alts.size() + 1];
        altEntry = new int[alts.size()];
        int total = 0;
        for (int a = 0; a < alts.size(); a++) {
            altStart[a] = total;
            total += alts.get(a).length;
            altEntry[a] = owner.get(a);
        }
        altStart[alts.size()] = total;
        altWindows = new int[total];
        int[] trigCount = new int[windows + 1];
        for (int a = 0; a < alts.size(); a++) {
            System.arraycopy(alts.get(a), 0, altWindows, altStart[a], alts.get(a).length);
            trigCount[alts.get(a)[0]]++;
        }
        trigStart = new int[windows + 1];
        for (int w = 0; w < windows; w++) {
            trigStart[w + 1] = trigStart[w] + trigCount[w];
        }
        trigAlts = new int[alts.size()];
        int[] fill = Arrays.copyOf(trigStart, windows);
        for (int a = 0; a < alts.size(); a++) {
            trigAlts[fill[alts.get(a)[0]]++] = a;
        }


        // the trie over classes, flat: the child of state s by class k is trie[s << shift | k] (0: none)
        int[] trie = new int[64 << shift];
        int[] endsIn = new int[windows];
        int states = 1;
        for (Map.Entry<String, Integer> w : ids.entrySet()) {
            String window = w.getKey();
            int s = 0;
            for (int i = 0; i < window.length(); i++) {
                int at = s << shift | classOfFolded[window.charAt(i)];
                if (trie[at] == 0) {
                    if ((states + 1) << shift > trie.length) {
                        trie = Arrays.copyOf(trie, trie.length * 2);
                    }
                    trie[at] = states++;
                }
                s = trie[at];
            }
            endsIn[w.getValue()] = s;
        }
        // windows ending in each trie state, as linked lists (windows whose rare characters share a class can share a state)
        int[] ownHead = new int[states];
        Arrays.fill(ownHead, -1);
        int[] ownNext = new int[windows];
        int[] ownCount = new int[states];
        for (int w = windows - 1; w >= 0; w--) {
            ownNext[w] = ownHead[endsIn[w]];
            ownHead[endsIn[w]] = w;
            ownCount[endsIn[w]]++;
        }
        // one breadth-first pass numbers the states (the shallow states, where a scan spends its time,
        // sit together) and fills the DFA: a state's failure link is shallower, so its row and its
        // outputs are complete by the time they are read
        int[] order = new int[states];
        int[] fail = new int[states];
        int[] delta = new int[states << shift];
        outStart = new int[states + 1];
        int[] outs = new int[Math.max(16, 2 * windows)];
        int outCount = 0;
        int next = 1;
        for (int i = 0; i < states; i++) {
            int old = order[i];
            outStart[i] = outCount;
            int f = fail[i];
            int more = (i == 0 ? 0 : outStart[f + 1] - outStart[f]) + ownCount[old];
            if (outCount + more > outs.length) {
                outs = Arrays.copyOf(outs, Math.max(outs.length * 2, outCount + more));
            }
            for (int w = ownHead[old]; w >= 0; w = ownNext[w]) {
                outs[outCount++] = w;
            }
            if (i != 0) {
                for (int x = outStart[f]; x < outStart[f + 1]; x++) {
                    outs[outCount++] = outs[x];
                }
            }
            int row = i << shift;
            int oldRow = old << shift;
            int failRow = f << shift;
            for (int k = 0; k < classes; k++) {
                int t = trie[oldRow | k];
                if (t != 0) {
                    int r = next++;
                    order[r] = t;
                    fail[r] = i == 0 ? 0 : delta[failRow | k];
                    delta[row | k] = r;
                } else {
                    delta[row | k] = i == 0 ? 0 : delta[failRow | k];
                }
            }
        }
        outStart[states] = outCount;
        outWindows = Arrays.copyOf(outs, outCount);
        if (states <= Character.MAX_VALUE) {
            delta16 = new char[delta.length];
            for (int i = 0; i < delta.length; i++) {
                delta16[i] = (char) delta[i];
            }
            delta32 = null;
        } else {
            delta16 = null;
            delta32 = delta;
        }
    }

    int windows() {
        return windows;
    }

    int states() {
        return outStart.length - 1;
    }

    int classes() {
        return classes;
    }

    /** Per-thread, per-event scanning state. Not thread-safe; reused event after event. */
    final class Scan {
        private int state;
        private int previous;
        private final int[] bigramSeen = new int[1 << (2 * shift)];
        private int epoch = 1;
        private final int[] seen = new int[windows];
        private final int[] hits = new int[Math.max(1, windows)];
        private int hitCount;
        private final int[] entrySeen = new int[entries];

        /** Starts a new text. */
        void reset() {
            state = 0;
            previous = 0;
            hitCount = 0;
            if (++epoch == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(entrySeen, 0);
                Arrays.fill(bigramSeen, 0);
                epoch = 1;
            }
        }

        /** The text is fed in chunks copied out to this array (for a string, by {@code String.getChars}). */
        private final char[] chunk = new char[256];

        void feed(CharSequence text, int from, int to) {
            for (int at = from; at < to; at += chunk.length) {
                int end = Math.min(to, at + chunk.length);
                if (text instanceof String str) {
                    str.getChars(at, end, chunk, 0); // an intrinsic: faster than charAt one by one
                } else {
                    for (int i = at; i < end; i++) {
                        chunk[i - at] = text.charAt(i);
                    }
                }
                feedChunk(end - at);
            }
        }

        private void feedChunk(int n) {
            char[] t = chunk;
            int s = state;
            int p = previous;
            int e = epoch;
            if (delta16 != null) {
                char[] delta = delta16;
                for (int i = 0; i < n; i++) {
                    int c = classOf[t[i]];
                    bigramSeen[p << shift | c] = e;
                    p = c;
                    s = delta[s << shift | c];
                    if (outStart[s] != outStart[s + 1]) {
                        hit(s);
                    }
                }
            } else {
                int[] delta = delta32;
                for (int i = 0; i < n; i++) {
                    int c = classOf[t[i]];
                    bigramSeen[p << shift | c] = e;
                    p = c;
                    s = delta[s << shift | c];
                    if (outStart[s] != outStart[s + 1]) {
                        hit(s);
                    }
                }
            }
            state = s;
            previous = p;
        }

        void feed(char ch) {
            int c = classOf[ch];
            bigramSeen[previous << shift | c] = epoch;
            previous = c;
            int i = state << shift | c;
            int s = delta16 != null ? delta16[i] : delta32[i];
            if (outStart[s] != outStart[s + 1]) {
                hit(s);
            }
            state = s;
        }

        private void hit(int s) {
            for (int i = outStart[s]; i < outStart[s + 1]; i++) {
                int w = outWindows[i];
                if (seen[w] != epoch) {
                    seen[w] = epoch;
                    hits[hitCount++] = w;
                }
            }
        }

        /**
         * Writes the candidate entries (their winner-order indexes, ascending) into
         * {@code into}, which must hold {@link #entries} ints, and returns how many.
         */
        int candidates(int[] into) {
            int n = 0;
            for (int h = 0; h < hitCount; h++) {
                int w = hits[h];
                for (int t = trigStart[w]; t < trigStart[w + 1]; t++) {
                    int a = trigAlts[t];
                    int e = altEntry[a];
                    if (entrySeen[e] != epoch && allSeen(a)) {
                        entrySeen[e] = epoch;
                        into[n++] = e;
                    }
                }
            }
            Arrays.sort(into, 0, n);
            return n;
        }

        private boolean allSeen(int a) {
            for (int i = altStart[a] + 1; i < altStart[a + 1]; i++) {
                int w = altWindows[i];
                if ((w >= BIGRAM ? bigramSeen[w - BIGRAM] : seen[w]) != epoch) {
                    return false;
                }
            }
            return true;
        }
    }
}
