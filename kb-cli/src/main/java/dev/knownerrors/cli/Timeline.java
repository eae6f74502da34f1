package dev.knownerrors.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts per key (a known error id) along a number axis, epoch milliseconds or line numbers, in
 * at most {@link #FINE} buckets. Bucket widths come from a ladder of round widths in which each
 * divides the next ({@link #TIME}: 1 ms … 1 s, 5 s, 15 s, 30 s, 1 min, 5 min … 1 h, 3 h … 1 d, 7 d,
 * 28 d; {@link #LINES}: 1, 5, 10, 50, 100 …) and buckets start at multiples of their width: when
 * the values stop fitting, the buckets merge into the next width up, exactly. So memory stays at
 * {@code FINE} counts per key however long the input, and a chart can regroup the buckets into
 * bars of any wider width of the ladder without splitting one. Not thread-safe.
 */
final class Timeline {

    static final int FINE = 512;
    private static final long S = 1000;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    private static final long D = 24 * H;
    static final long[] TIME = {1, 10, 100, S, 5 * S, 15 * S, 30 * S, MIN, 5 * MIN, 15 * MIN, 30 * MIN, H, 3 * H, 6 * H,
        12 * H, D, 7 * D, 28 * D};
    static final long[] LINES = {1, 5, 10, 50, 100, 500, 1000, 5000, 10_000, 50_000, 100_000, 500_000, 1_000_000};

    /** Receives one non-empty bucket: its first value, its width, its count. */
    interface BucketConsumer {
        void accept(long start, long width, long count);
    }

    private final long[] ladder;
    private final Map<String, long[]> series = new LinkedHashMap<>();
    private int rung;
    private long base;
    private long lowIndex;
    private long highIndex;
    private long min;
    private long max;
    private long total;

    Timeline(long[] ladder) {
        this.ladder = ladder;
    }

    /** Width number {@code i} of the ladder; past its end, the last width doubled as often as needed. */
    long width(int i) {
        return i < ladder.length ? ladder[i] : ladder[ladder.length - 1] << Math.min(40, i - ladder.length + 1);
    }

    void add(String key, long value) {
        long index = Math.floorDiv(value, width(rung));
        if (total == 0) {
            base = index;
            lowIndex = index;
            highIndex = index;
            min = value;
            max = value;
        } else if (index < base || index >= base + FINE) {
            regroup(index);
            index = Math.floorDiv(value, width(rung));
        }
        series.computeIfAbsent(key, k -> new long[FINE])[(int) (index - base)]++;
        lowIndex = Math.min(lowIndex, index);
        highIndex = Math.max(highIndex, index);
        min = Math.min(min, value);
        max = Math.max(max, value);
        total++;
    }

    /** Moves up the ladder until the occupied buckets and {@code index} fit, and moves the window there. */
    private void regroup(long index) {
        long lo = Math.min(lowIndex, index);
        long hi = Math.max(highIndex, index);
        int to = rung;
        while (Math.floorDiv(hi * width(rung), width(to)) - Math.floorDiv(lo * width(rung), width(to)) >= FINE) {
            to++;
        }
        long factor = width(to) / width(rung);
        long newBase = Math.floorDiv(lo, factor);
        for (Map.Entry<String, long[]> e : series.entrySet()) {
            long[] old = e.getValue();
            long[] regrouped = new long[FINE];
            for (int j = 0; j < FINE; j++) {
                if (old[j] != 0) {
                    regrouped[(int) (Math.floorDiv(base + j, factor) - newBase)] += old[j];
                }
            }
            e.setValue(regrouped);
        }
        rung = to;
        base = newBase;
        lowIndex = Math.floorDiv(lowIndex, factor);
        highIndex = Math.floorDiv(highIndex, factor);
    }

    long total() {
        return total;
    }

    long min() {
        return min;
    }

    long max() {
        return max;
    }

    /** The width of the buckets now. */
    long bucketWidth() {
        return width(rung);
    }

    /** The narrowest width of the ladder that is at least {@code wanted} and at least the buckets' width. */
    long roundWidth(long wanted) {
        int i = rung;
        while (width(i) < wanted) {
            i++;
        }
        return width(i);
    }

    /** The non-empty buckets of {@code key}, in order. */
    void forEach(String key, BucketConsumer consumer) {
        long[] counts = series.get(key);
        if (counts == null) {
            return;
        }
        long w = width(rung);
        for (int j = 0; j < FINE; j++) {
            if (counts[j] != 0) {
                consumer.accept((base + j) * w, w, counts[j]);
            }
        }
    }
}
