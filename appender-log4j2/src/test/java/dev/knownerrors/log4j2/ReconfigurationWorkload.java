package dev.knownerrors.log4j2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several threads log numbered events ({@code w<worker> #<seq> …}, every tenth a known error)
 * while the test reconfigures the logging system. A reconfiguration counter is odd while one
 * is under way; an event whose logging call began and ended at the same even count was logged
 * outside every reconfiguration. Afterwards the log file tells which events arrived.
 */
final class ReconfigurationWorkload {

    static final int WORKERS = 4;
    static final String DIAGNOSIS = "  \u2691 known error database/redis-bgsave-fork-error \u2014 ";
    private static final Pattern LINE = Pattern.compile("w(\\d+) #(\\d+) .*");

    /** Odd while a reconfiguration is under way. */
    final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    private final List<Future<BitSet>> workers = new ArrayList<>();
    private final int[] logged = new int[WORKERS];
    private final BitSet[] outside = new BitSet[WORKERS];

    /** One logging call: {@code log(worker, seq)} logs event {@code seq} of {@code worker}. */
    interface Log {
        void log(int worker, int seq);
    }

    void start(Log log) {
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                BitSet out = new BitSet();
                int seq = 0;
                for (; running.get(); seq++) {
                    long before = generation.get();
                    log.log(worker, seq);
                    if (before % 2 == 0 && generation.get() == before) {
                        out.set(seq);
                    }
                }
                logged[worker] = seq;
                return out;
            }));
        }
    }

    void stop() throws Exception {
        running.set(false);
        try {
            for (int w = 0; w < WORKERS; w++) {
                outside[w] = workers.get(w).get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static boolean knownError(int seq) {
        return seq % 10 == 0;
    }

    /** What the log file says, checked against what was logged. */
    record Outcome(int logged, int loggedOutside, int delivered, int knownErrors, int diagnosisBlocks,
                   List<String> violations) {
        int lost() {
            return logged - delivered;
        }

        @Override
        public String toString() {
            return logged + " events logged (" + (logged - loggedOutside) + " during reconfiguration), " + lost()
                    + " lost, " + diagnosisBlocks + " diagnosis blocks";
        }
    }

    /**
     * Reads the log file: each event at most once and in its thread's order; every event logged
     * outside a reconfiguration present.
     */
    Outcome outcome(Path logFile) throws IOException {
        int[] last = new int[WORKERS];
        java.util.Arrays.fill(last, -1);
        BitSet[] delivered = new BitSet[WORKERS];
        List<String> violations = new ArrayList<>();
        int blocks = 0;
        int deliveredCount = 0;
        int knownErrors = 0;
        for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
            if (line.startsWith(DIAGNOSIS)) {
                blocks++;
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int w = Integer.parseInt(m.group(1));
            int seq = Integer.parseInt(m.group(2));
            if (seq <= last[w] && violations.size() < 20) {
                violations.add("worker " + w + ": #" + seq + " after #" + last[w]);
            }
            last[w] = seq;
            if (delivered[w] == null) {
                delivered[w] = new BitSet();
            }
            delivered[w].set(seq);
            deliveredCount++;
            if (knownError(seq)) {
                knownErrors++;
            }
        }
        int total = 0;
        int outsideCount = 0;
        for (int w = 0; w < WORKERS; w++) {
            total += logged[w];
            outsideCount += outside[w].cardinality();
            BitSet missing = (BitSet) outside[w].clone();
            if (delivered[w] != null) {
                missing.andNot(delivered[w]);
            }
            if (!missing.isEmpty() && violations.size() < 20) {
                violations.add("worker " + w + ": " + missing.cardinality() + " events logged outside any"
                        + " reconfiguration are missing, first #" + missing.nextSetBit(0));
            }
        }
        return new Outcome(total, outsideCount, deliveredCount, knownErrors, blocks, violations);
    }
}
