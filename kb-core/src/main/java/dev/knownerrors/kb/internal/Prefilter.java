package dev.knownerrors.kb.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 *
 * <p>Immutable after construction; the per-scan state lives in a {@link Scan}.
 */
final class Prefilter {

    /** A literal run shorter than this is no usable evidence: too common in log text. */
    static final int MIN_LITERAL = 3;
    static final int WINDOW = 8;
    static final int WINDOWS_PER_ALTERNATIVE = 2;

    final int entries;
    private final char[] classOf = new char[65536];
    private final int classes;
    private final int[] delta;
    private final int[] outStart;
    private final int[] outWindows;
    private final int windows;
    private final int[] trigStart;
    private final int[] trigAlts;
    private final int[] altStart;
    private final int[] altWindows;
    private final int[] altEntry;

    /**
     * @param windowsByEntry per entry (in winner order), per alternative, its windows; an
     *                       entry with {@code null} here never becomes a candidate
     */
    Prefilter(List<List<List<String>>> windowsByEntry) {
        this.entries = windowsByEntry.size();
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<int[]> alts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int e = 0; e < windowsByEntry.size(); e++) {
            List<List<String>> entryAlts = windowsByEntry.get(e);
            if (entryAlts == null) {
                continue;
            }
            for (List<String> alt : entryAlts) {
                int[] w = new int[alt.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = ids.computeIfAbsent(alt.get(i), k -> ids.size());
                }
                alts.add(w);
                owner.add(e);
            }
        }
        windows = ids.size();
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

        // character classes: each folded character used by a window gets one
        Map<Character, Integer> classIds = new HashMap<>();
        for (String w : ids.keySet()) {
            for (int i = 0; i < w.length(); i++) {
                classIds.computeIfAbsent(w.charAt(i), k -> classIds.size() + 1);
            }
        }
        classes = classIds.size() + 1;
        for (int c = 0; c < 65536; c++) {
            Integer k = classIds.get(CaseFold.fold((char) c));
            classOf[c] = (char) (k == null ? 0 : k);
        }

        // trie
        List<int[]> go = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        go.add(new int[classes]);
        own.add(new ArrayList<>(0));
        for (Map.Entry<String, Integer> w : ids.entrySet()) {
            int s = 0;
            for (int i = 0; i < w.getKey().length(); i++) {
                int k = classIds.get(w.getKey().charAt(i));
                if (go.get(s)[k] == 0) {
                    go.get(s)[k] = go.size();
                    go.add(new int[classes]);
                    own.add(new ArrayList<>(0));
                }
                s = go.get(s)[k];
            }
            own.get(s).add(w.getValue());
        }
        int states = go.size();
        delta = new int[states * classes];
        int[] fail = new int[states];
        List<List<Integer>> out = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            out.add(new ArrayList<>(own.get(s)));
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < classes; k++) {
            int t = go.get(0)[k];
            delta[k] = t;
            if (t != 0) {
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int k = 0; k < classes; k++) {
                int t = go.get(s)[k];
                if (t != 0) {
                    fail[t] = delta[fail[s] * classes + k];
                    delta[s * classes + k] = t;
                    queue.add(t);
                } else {
                    delta[s * classes + k] = delta[fail[s] * classes + k];
                }
            }
        }
        outStart = new int[states + 1];
        int outs = 0;
        for (int s = 0; s < states; s++) {
            outStart[s] = outs;
            outs += out.get(s).size();
        }
        outStart[states] = outs;
        outWindows = new int[outs];
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < out.get(s).size(); i++) {
                outWindows[outStart[s] + i] = out.get(s).get(i);
            }
        }
    }

    int windows() {
        return windows;
    }

    int states() {
        return outStart.length - 1;
    }

    /** Per-thread, per-event scanning state. Not thread-safe; reused event after event. */
    final class Scan {
        private int state;
        private int epoch = 1;
        private final int[] seen = new int[windows];
        private final int[] hits = new int[Math.max(1, windows)];
        private int hitCount;
        private final int[] entrySeen = new int[entries];

        /** Starts a new text. */
        void reset() {
            state = 0;
            hitCount = 0;
            if (++epoch == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(entrySeen, 0);
                epoch = 1;
            }
        }

        void feed(CharSequence text, int from, int to) {
            int s = state;
            for (int i = from; i < to; i++) {
                s = delta[s * classes + classOf[text.charAt(i)]];
                if (outStart[s] != outStart[s + 1]) {
                    hit(s);
                }
            }
            state = s;
        }

        void feed(char c) {
            int s = delta[state * classes + classOf[c]];
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
                if (seen[altWindows[i]] != epoch) {
                    return false;
                }
            }
            return true;
        }
    }
}
