package dev.knownerrors.kb.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which entries can possibly match a text, found in one pass over it. Each alternative of each
 * entry contributes up to {@link #WINDOWS_PER_ALTERNATIVE} windows (the rarest pieces, of
 * {@link #MIN_LITERAL} to {@link #WINDOW} characters, of the literal runs every match of it must
 * contain); the first is its trigger. An entry is a candidate when, for one of its alternatives,
 * every window occurred. Since a match implies its literals occur, the candidates are a superset
 * of the matching entries.
 *
 * <p>The scan keeps the class codes of the last characters in a register (case-folded
 * characters, the 63 most frequent in the windows with a class each, the rest sharing one: that
 * only lets more text through). At each character, a hash of the last {@link #ANCHOR} codes
 * (and part of the code before them) picks a place in a table, marked only for the anchors (the
 * last {@link #ANCHOR} codes) of some window. Where it is marked, the windows with that anchor
 * are compared whole with the register (after the loop over a chunk of the text, which only
 * notes those places, without a branch: see {@code Scan.feedDense}). The work per character is a few independent loads from small
 * tables, whatever the number of windows (an automaton's walk is a chain of dependent loads from
 * a table that grows with them).
 *
 * <p>Immutable after construction; the per-scan state lives in a {@link Scan}.
 */
final class Prefilter {

    /** A literal run shorter than this is no usable evidence: too common in log text. */
    static final int MIN_LITERAL = 4;
    static final int WINDOW = 8;
    /** Windows after the first only narrow an alternative's candidates. */
    static final int SECONDARY_WINDOW = 5;
    static final int WINDOWS_PER_ALTERNATIVE = 3;
    /** Distinct classes for the most frequent window characters; the rarer ones share the last class. */
    static final int MAX_CLASSES = 64;
    /** Bits of one class code in the scan's register of the last characters. */
    private static final int CODE_BITS = 6;
    /** A window is looked for where the text's last this many codes equal its last ones. */
    static final int ANCHOR = MIN_LITERAL;
    private static final int ANCHOR_MASK = (1 << ANCHOR * CODE_BITS) - 1;
    /**
     * A place is hashed from the anchor and the low {@link #BEFORE_BITS} bits of the code before
     * it: a window of 5 or more characters marks one place, a window of 4 (whose character before
     * can be anything) one for each value of those bits. So an anchor of a longer window that occurs
     * after another character than that window's is mostly not looked up.
     */
    private static final int BEFORE_BITS = 3;
    private static final int PLACE_KEY_MASK = (1 << ANCHOR * CODE_BITS + BEFORE_BITS) - 1;
    /** Places in the anchor table per anchor (an anchor marks one or more: a window of four marks eight), between these bounds. */
    private static final int PLACES_PER_ANCHOR = 64;
    private static final int MIN_ANCHOR_PLACES = 1 << 12;
    /** At most 2 to this power places (1 MB). */
    private static final int MAX_PLACE_BITS = 20;
    /**
     * A place is these bits of the hash on, masked to the table's size: a shift by a constant.
     * With a shift by the table's own count, and the place a bit picked out of a word by another
     * shift, the check of a 200-character real text cost 415 ns instead of 227 at one entry
     * (alternating in one JVM, 2026-12-07). The bits before the anchor (from bit 24 of the key)
     * reach only the hash's bits from 24 on: they move the place in a table of more than 2^12
     * places (more than 64 anchors), not in a smaller one, where they are not needed. (A 64-bit
     * hash, which would move it there too, made the loop slower: 1.40 times at one entry.)
     */
    private static final int PLACE_SHIFT = 32 - MAX_PLACE_BITS;
    /**
     * Below this many anchors the scan branches to a lookup where a place is marked (text hardly ever
     * hits one); from it on, it notes the places without branching and looks them up after.
     */
    static final int FEW_ANCHORS = 16;
    private static final int GOLDEN = 0x9E3779B1;
    /** The window table has at least this many slots per key. */
    private static final int LOAD_INVERSE = 4;
    private static final int WIDTH_SHIFT = WINDOW * CODE_BITS;
    private static final long CODES = (1L << WIDTH_SHIFT) - 1;
    private static final long TRIGGER = Long.MIN_VALUE;

    final int entries;
    private final byte[] classOf = new byte[65536];
    private final int classes;
    private final int windows;
    /** Windows {@code [0, triggers)} are triggers; the others only secondary windows. */
    private final int triggers;
    /** Window w is the trigger of alternatives {@code trigAlts[trigStart[w], trigStart[w + 1])}. */
    private final int[] trigStart;
    private final int[] trigAlts;
    /** Alternative a's windows (their slots) are {@code altWindows[altStart[a], altStart[a + 1])}, the trigger first. */
    private final int[] altStart;
    private final int[] altWindows;
    private final int[] altEntry;
    /** Entry e's alternatives are {@code entryAlts[e]} to {@code entryAlts[e + 1]}, in the order given. */
    private final int[] entryAlts;
    /**
     * 1 at the places of the anchors' hashes, else 0: most text positions stop here. A byte a
     * place, so that the loop adds it without shifting a word (its length is a power of two).
     */
    private final byte[] anchorTable;
    private final int placeMask;
    /**
     * The windows' keys, open-addressed from their anchor's hash (keys sharing an anchor probe
     * from the same home slot): class codes (the last in the lowest bits), width at
     * {@link #WIDTH_SHIFT}, the sign bit when some window with the key is a trigger; 0 for an
     * empty slot. Windows whose characters share classes have one key (CJK text, say, whose rare
     * characters share the last class): one slot, compared once. A window is known by its
     * slot from here on; the windows of slot s are {@code firstOf[s]}, then {@code nextOf} of it.
     */
    private final long[] table;
    private final int tableShift;
    private final int[] firstOf;
    private final int[] nextOf;
    private final int keys;
    private final int anchors;

    /**
     * @param windowsByEntry per entry (in winner order), per alternative, its windows of
     *                       {@link #ANCHOR} to {@link #WINDOW} case-folded characters (as
     *                       {@link Windows} picks them), the trigger first; an entry with
     *                       {@code null} here never becomes a candidate
     * @throws IllegalArgumentException for a window of another width (a bug, not bad input)
     */
    Prefilter(List<List<List<String>>> windowsByEntry) {
        this.entries = windowsByEntry.size();
        Map<String, Integer> ids = new LinkedHashMap<>();
        // the triggers are numbered first: a window below {@code triggers} is some alternative's trigger
        for (List<List<String>> entryAlts : windowsByEntry) {
            if (entryAlts != null) {
                for (List<String> alt : entryAlts) {
                    ids.computeIfAbsent(alt.get(0), k -> ids.size());
                }
            }
        }
        triggers = ids.size();
        int[] frequency = new int[65536];
        List<int[]> alts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int e = 0; e < entries; e++) {
            List<List<String>> entryAlts = windowsByEntry.get(e);
            if (entryAlts == null) {
                continue;
            }
            for (List<String> alt : entryAlts) {
                int[] w = new int[alt.size()];
                for (int i = 0; i < w.length; i++) {
                    String window = alt.get(i);
                    if (window.length() < ANCHOR || window.length() > WINDOW) {
                        throw new IllegalArgumentException("window of " + window.length() + " characters: " + window);
                    }
                    w[i] = ids.computeIfAbsent(window, k -> ids.size());
                    for (int k = 0; k < window.length(); k++) {
                        frequency[window.charAt(k)]++;
                    }
                }
                alts.add(w);
                owner.add(e);
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
        char[] fold = CaseFold.table();
        for (int c = 0; c < 65536; c++) {
            classOf[c] = classOfFolded[fold[c]];
        }

        entryAlts = new int[entries + 1];
        for (int e : owner) {
            entryAlts[e + 1]++;
        }
        for (int e = 0; e < entries; e++) {
            entryAlts[e + 1] += entryAlts[e];
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

        // the anchors: each window is looked for by its last ANCHOR class codes (a hash of them sets
        // a place), then in an open-addressed table from the same hash
        long[] keyOf = new long[windows];
        int[] anchorOf = new int[windows];
        for (Map.Entry<String, Integer> w : ids.entrySet()) {
            String window = w.getKey();
            long key = 0;
            for (int i = 0; i < window.length(); i++) {
                key = key << CODE_BITS | classOfFolded[window.charAt(i)];
            }
            keyOf[w.getValue()] = key | (long) window.length() << WIDTH_SHIFT | (w.getValue() < triggers ? TRIGGER : 0);
            anchorOf[w.getValue()] = (int) key & ANCHOR_MASK;
        }
        anchors = distinct(anchorOf);
        int[] placeKeys = new int[windows << BEFORE_BITS];
        int marks = 0;
        for (int w = 0; w < windows; w++) {
            if ((keyOf[w] >>> WIDTH_SHIFT & 0xF) > ANCHOR) {
                placeKeys[marks++] = (int) keyOf[w] & PLACE_KEY_MASK;
            } else {
                for (int before = 0; before < 1 << BEFORE_BITS; before++) {
                    placeKeys[marks++] = anchorOf[w] | before << ANCHOR * CODE_BITS;
                }
            }
        }
        placeKeys = Arrays.copyOf(placeKeys, marks);
        int places = Integer.highestOneBit(Math.max(MIN_ANCHOR_PLACES - 1,
                Math.min((1 << MAX_PLACE_BITS) - 1, anchors * PLACES_PER_ANCHOR - 1))) << 1;
        anchorTable = new byte[places];
        placeMask = places - 1;
        for (int key : placeKeys) {
            anchorTable[place(key, placeMask)] = 1;
        }
        // at most a quarter full: the keys sharing an anchor start from one home slot, and a lookup
        // walks to the first empty one, so the walks grow quickly with the load (at half full,
        // 10,000 entries walked 7.7 slots a lookup, against 4.7 at a quarter)
        int size = Integer.highestOneBit(Math.max(2, LOAD_INVERSE * windows - 1)) << 1;
        tableShift = 32 - Integer.numberOfTrailingZeros(size);
        table = new long[size];
        firstOf = new int[size];
        nextOf = new int[windows];
        int[] slotOf = new int[windows];
        int distinctKeys = 0;
        for (int w = windows - 1; w >= 0; w--) { // backwards, so that each slot lists its windows in order
            int g = anchorOf[w];
            int at = g * GOLDEN >>> tableShift;
            while (table[at] != 0 && (table[at] & ~TRIGGER) != (keyOf[w] & ~TRIGGER)) {
                at = (at + 1) & (size - 1);
            }
            if (table[at] == 0) {
                distinctKeys++;
                nextOf[w] = -1;
            } else {
                nextOf[w] = firstOf[at];
            }
            table[at] |= keyOf[w];
            firstOf[at] = w;
            slotOf[w] = at;
        }
        keys = distinctKeys;
        for (int i = 0; i < altWindows.length; i++) {
            altWindows[i] = slotOf[altWindows[i]];
        }
    }

    /** The place of a place key (an anchor and the bits before it; the register's low bits in the scan). */
    private static int place(int key, int mask) {
        return (key & PLACE_KEY_MASK) * GOLDEN >>> PLACE_SHIFT & mask;
    }

    private static int distinct(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    int windows() {
        return windows;
    }

    /** Distinct keys of the windows (windows whose characters share classes share one). */
    int keys() {
        return keys;
    }

    int anchors() {
        return anchors;
    }

    int classes() {
        return classes;
    }

    /** Per-thread, per-event scanning state. Not thread-safe; reused event after event. */
    final class Scan {
        /** The class codes of the last characters scanned, {@link #CODE_BITS} each, the last lowest. */
        private long recent;
        private int epoch = 1;
        /**
         * A bit per window slot: it occurred in this text (8 KB at 2,500 entries, small enough to
         * stay in the first-level cache); the words set are listed in {@code touched} and cleared
         * at the next {@link #reset}.
         */
        private final long[] seen = new long[(table.length + 63) >>> 6];
        private final int[] touched = new int[seen.length];
        private int touchedCount;
        /** The triggers that occurred, in the order they did. */
        private final int[] hits = new int[Math.max(1, triggers)];
        private int hitCount;
        private final int[] entrySeen = new int[entries];
        /** Per alternative: the epoch in which all its windows occurred. */
        private final int[] altPassed = new int[altEntry.length];

        /** Starts a new text. */
        void reset() {
            recent = 0;
            hitCount = 0;
            for (int i = 0; i < touchedCount; i++) {
                seen[touched[i]] = 0;
            }
            touchedCount = 0;
            if (++epoch == Integer.MAX_VALUE) {
                Arrays.fill(entrySeen, 0);
                Arrays.fill(altPassed, 0);
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

        /** The registers at the places of a chunk where an anchor's place is marked, in order. */
        private final long[] found = new long[chunk.length];

        private void feedChunk(int n) {
            if (anchors < FEW_ANCHORS) {
                feedSparse(n);
            } else {
                feedDense(n);
            }
        }

        /**
         * The loop without a branch per character: the register is written down at every place
         * and kept (the count moves on) where the anchor's place is marked; the lookups follow the
         * loop. Real log text hits a marked place at about one place in seven at 2,500 entries, at no
         * pattern a branch predictor can learn: branching there cost about a misprediction
         * per marked place, and this loop is 0.70 of that one's time at 100 entries, 0.85 at 2,500.
         */
        private void feedDense(int n) {
            char[] t = chunk;
            byte[] cls = classOf;
            byte[] places = anchorTable;
            long[] at = found;
            int mask = placeMask;
            long r = recent;
            int k = 0;
            for (int i = 0; i < n; i++) {
                r = r << CODE_BITS | cls[t[i]];
                at[k] = r;
                k += places[place((int) r, mask)];
            }
            recent = r;
            for (int i = 0; i < k; i++) {
                anchor(at[i]);
            }
        }

        /** The loop for a KB of a few anchors, whose places text hardly ever hits: a branch that is never taken costs least. */
        private void feedSparse(int n) {
            char[] t = chunk;
            byte[] cls = classOf;
            byte[] places = anchorTable;
            int mask = placeMask;
            long r = recent;
            for (int i = 0; i < n; i++) {
                r = r << CODE_BITS | cls[t[i]];
                if (places[place((int) r, mask)] != 0) {
                    anchor(r);
                }
            }
            recent = r;
        }

        /** The text's last codes are {@code r}, and their anchor's place is marked: records the windows that end here. */
        private void anchor(long r) {
            long[] tab = table;
            int g = (int) r & ANCHOR_MASK;
            for (int at = g * GOLDEN >>> tableShift; ; at = (at + 1) & (tab.length - 1)) {
                long k = tab[at];
                if (k == 0) {
                    return;
                }
                if (((int) k & ANCHOR_MASK) == g
                        && (r & (1L << CODE_BITS * (int) (k >>> WIDTH_SHIFT & 0xF)) - 1) == (k & CODES)
                        && (seen[at >>> 6] & 1L << at) == 0) {
                    long word = seen[at >>> 6];
                    if (word == 0) {
                        touched[touchedCount++] = at >>> 6;
                    }
                    seen[at >>> 6] = word | 1L << at;
                    if (k < 0) { // a trigger among its windows
                        for (int w = firstOf[at]; w >= 0; w = nextOf[w]) {
                            if (w < triggers) {
                                hits[hitCount++] = w;
                            }
                        }
                    }
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
                    if (allSeen(a)) { // an alternative has one trigger: this runs once per alternative
                        altPassed[a] = epoch;
                        int e = altEntry[a];
                        if (entrySeen[e] != epoch) {
                            entrySeen[e] = epoch;
                            into[n++] = e;
                        }
                    }
                }
            }
            Arrays.sort(into, 0, n);
            return n;
        }

        /**
         * Whether alternative {@code k} of candidate {@code entry} (in the order given to the
         * prefilter) had all its windows in the text scanned since the last {@link #reset}.
         */
        boolean passed(int entry, int k) {
            return altPassed[entryAlts[entry] + k] == epoch;
        }

        private boolean allSeen(int a) {
            for (int i = altStart[a] + 1; i < altStart[a + 1]; i++) {
                int at = altWindows[i];
                if ((seen[at >>> 6] & 1L << at) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
