package dev.knownerrors.bench;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnowledgeBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The core cost: one scanned event (a 200-character message, no throwable) through
 * {@link KnowledgeBase#diagnose}, for KBs of 1 to 10,000 entries. {@code nonMatching} is what
 * the 99 % of events cost; {@code nonMatchingLong} is one 8,000-character message of the same
 * lines; {@code matching} diagnoses the Redis fork error.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class MatchBenchmark {

    @Param({"1", "100", "2500", "10000"})
    public int size;

    /** false: exactly {@code size} entries, every one runnable; true: as users run it, the precision guard on. */
    @Param({"false", "true"})
    public boolean guard;

    private KnowledgeBase kb;
    private String[] benign;
    /** The benign messages joined up to this many characters. */
    static final int LONG = 8_000;
    private String longText;
    private int next;
    /** Real benign log text, 200 characters each, that this KB does not diagnose (see {@link Messages#heldOut200}). */
    private String[] heldOut;
    private int nextHeldOut;

    @Setup
    public void setup() {
        kb = Kbs.load(size, guard);
        // the non-matching stream: the benign messages this KB does not diagnose (broad third-party
        // regexes do match some of them: that is the precision problem, measured elsewhere). Told
        // apart without a time budget: a cold first run may overrun it on a message that matches.
        KnowledgeBase unlimited = Kbs.load(size, guard, java.time.Duration.ZERO);
        java.util.List<String> quiet = new java.util.ArrayList<>();
        for (String m : Messages.benign200()) {
            unlimited.diagnose(m, null).ifPresentOrElse(
                    d -> System.out.println("\nnot used as non-matching (diagnosed as " + d.id() + "): " + m),
                    () -> quiet.add(m));
        }
        if (quiet.size() < 4) {
            throw new IllegalStateException("fewer than 4 benign messages left undiagnosed");
        }
        benign = new String[8];
        for (int i = 0; i < benign.length; i++) {
            benign[i] = quiet.get(i % quiet.size());
        }
        longText = longText(quiet, unlimited);
        java.util.List<String> real = new java.util.ArrayList<>();
        int diagnosed = 0;
        for (String m : Messages.heldOut200()) {
            if (unlimited.diagnose(m, null).isPresent()) {
                diagnosed++;
            } else {
                real.add(m);
            }
        }
        heldOut = real.toArray(new String[0]);
        System.out.println("\nheld-out real log text: " + heldOut.length + " texts of 200 characters"
                + (diagnosed > 0 ? " (" + diagnosed + " more diagnosed, left out)" : "")
                + (heldOut.length == 0 ? " (no logs at " + Messages.CORPUS.toAbsolutePath().normalize() + ")" : ""));
        if (kb.diagnose(Messages.REDIS, null).isEmpty()) {
            throw new IllegalStateException("the Redis message must match");
        }
        System.out.println("\nKB of " + kb.entries().size() + " entries, " + kb.problems().size() + " load problems, "
                + (Kbs.deadendsPresent() ? "with the deadends.dev snapshot at " + Kbs.DEADENDS.toAbsolutePath().normalize()
                : "generated: no deadends.dev snapshot at " + Kbs.DEADENDS.toAbsolutePath().normalize()
                + " (-Dknownerrors.deadends=DIR, with -jvmArgsAppend for the forks)"));
    }

    /**
     * The quiet messages joined, in order and round again, up to {@link #LONG} characters. A
     * message is left out where joining it would make the text match (a broad regex can span two
     * lines: without the precision guard, the snapshot's ROS 2 executor entry does), so every KB
     * gets a long text it does not diagnose; with the guard on, none is left out.
     */
    static String longText(java.util.List<String> quiet, KnowledgeBase unlimited) {
        StringBuilder joined = new StringBuilder();
        int refusedInARow = 0;
        java.util.Set<Integer> leftOut = new java.util.HashSet<>();
        for (int i = 0; joined.length() < LONG && refusedInARow < quiet.size(); i++) {
            int mark = joined.length();
            joined.append(mark == 0 ? "" : "; ").append(quiet.get(i % quiet.size()).strip());
            Optional<Diagnosis> d = unlimited.diagnoseText(joined.length() > LONG ? joined.substring(0, LONG) : joined);
            if (d.isPresent()) {
                if (leftOut.add(i % quiet.size())) {
                    System.out.println("\nleft out of the long message where joined (it would be diagnosed as " + d.get().id()
                            + "): " + quiet.get(i % quiet.size()));
                }
                joined.setLength(mark);
                refusedInARow++;
            } else {
                refusedInARow = 0;
            }
        }
        if (joined.length() < LONG) {
            throw new IllegalStateException("no long message of " + LONG + " characters that this KB does not diagnose");
        }
        return joined.substring(0, LONG);
    }

    @Benchmark
    public Optional<Diagnosis> nonMatching() {
        return kb.diagnose(benign[next++ & 7], null);
    }

    /**
     * One long non-matching message ({@link #LONG} characters: a payload or a query logged at
     * WARN): the scan of every character, and the positional step's searches through the whole
     * text for the candidates that the scan lets through.
     */
    @Benchmark
    public Optional<Diagnosis> nonMatchingLong() {
        return kb.diagnose(longText, null);
    }

    /**
     * What {@code nonMatching} measures, over real log text instead of the eight written lines:
     * the messages of the project's held-out benign logs (Liquibase/H2, Reactor Netty, Kafka
     * client, Redis replica), about a thousand texts of 200 characters taken in turn, so neither
     * the caches nor the branch predictors learn them.
     */
    @Benchmark
    public Optional<Diagnosis> nonMatchingReal() {
        if (heldOut.length == 0) {
            throw new IllegalStateException("no held-out logs at " + Messages.CORPUS.toAbsolutePath().normalize()
                    + " (run from the repository's root, or -Dknownerrors.corpus=DIR)");
        }
        String text = heldOut[nextHeldOut];
        if (++nextHeldOut == heldOut.length) {
            nextHeldOut = 0;
        }
        return kb.diagnose(text, null);
    }

    @Benchmark
    public Optional<Diagnosis> matching() {
        return kb.diagnose(Messages.REDIS, null);
    }

    /**
     * {@code calls} calls of one benchmark method ({@code nonMatching}, {@code nonMatchingLong} or
     * {@code matching}), returning how many diagnosed, as a JDK type: how {@link CoreSideBySide}
     * runs a setup in a class loader of its own.
     */
    public java.util.function.IntUnaryOperator calls(String method) {
        java.util.function.Supplier<Optional<Diagnosis>> one = switch (method) {
            case "nonMatching" -> this::nonMatching;
            case "nonMatchingLong" -> this::nonMatchingLong;
            case "nonMatchingReal" -> this::nonMatchingReal;
            case "matching" -> this::matching;
            default -> throw new IllegalArgumentException("no benchmark method " + method);
        };
        return calls -> {
            int diagnosed = 0;
            for (int i = 0; i < calls; i++) {
                diagnosed += one.get().isPresent() ? 1 : 0;
            }
            return diagnosed;
        };
    }
}
