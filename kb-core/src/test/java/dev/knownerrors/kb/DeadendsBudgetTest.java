package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.CompiledEntry;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Crafted inputs against the real deadends.dev snapshot beside the repository (skipped when
 * it is absent). For every loaded canon, one event holds all the literals its regex requires,
 * in reverse order, repeated to the maximum scan length: every literal passes the prefilter
 * (and, the unit being repeated, the runs also occur in regex order across units, which
 * passes its positional step), and the chained {@code .*} segments backtrack over 8 KB before
 * failing. With the default
 * 1 ms budget each event must come back promptly and the worst ones must be counted as
 * overruns. Prints the worst-case and 99th-percentile time per event. The bound is checked on
 * the thread's CPU time: wall time also counts the moments the two-core machine gives the
 * thread to the JIT compiler, the collector or another process.
 */
class DeadendsBudgetTest {

    static final Path DEADENDS = Path.of("../../shared/data/deadends-canons");
    /** A broken budget shows up as hundreds of milliseconds to seconds; a working one as about 1 ms. */
    static final long BROKEN_NANOS = Duration.ofMillis(100).toNanos();

    @Test
    void crafted_inputs_against_every_canon_come_back_within_the_budget() {
        assumeTrue(Files.isDirectory(DEADENDS), "deadends.dev snapshot not present at " + DEADENDS);
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source(DEADENDS.toString()).build();
        // past the thread's warm-up allowance (its first events get ten times the budget): each
        // entry's own signature, a cheap event with candidates
        int warm = 0;
        for (CompiledEntry c : kb.compiled()) {
            if (warm++ > 2 * dev.knownerrors.kb.internal.Engine.WARM_UP_RUNS) {
                break;
            }
            kb.diagnoseText(String.valueOf(c.entry().signature()));
        }
        long overrunsWhileWarming = kb.budgetOverruns();
        List<Long> times = new ArrayList<>();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long worstWall = 0;
        String worstId = "";
        long worst = 0;
        for (CompiledEntry c : kb.compiled()) {
            String event = crafted(c, kb.maxScanLength());
            long w0 = System.nanoTime();
            long t0 = cpu.getCurrentThreadCpuTime();
            kb.diagnoseText(event);
            long took = cpu.getCurrentThreadCpuTime() - t0;
            worstWall = Math.max(worstWall, System.nanoTime() - w0);
            times.add(took);

            if (took > worst) {
                worst = took;
                worstId = c.entry().id();
            }
        }
        Collections.sort(times);
        long p99 = times.get(times.size() * 99 / 100);
        System.out.printf("deadends.dev crafted inputs: %d events; CPU time per event: worst %.2f ms (%s), p99 %.3f ms;"
                        + " worst wall time %.2f ms; %d overruns of the 1 ms budget, %d entries quarantined%n", times.size(),
                worst / 1e6, worstId, p99 / 1e6, worstWall / 1e6, kb.budgetOverruns() - overrunsWhileWarming,
                kb.quarantined().size());
        assertThat(kb.budgetOverruns()).as("crafted inputs that needed the budget").isPositive();
        assertThat(times).as("time per event (ns)").allSatisfy(t -> assertThat(t).isLessThan(BROKEN_NANOS));
    }

    /** The entry's required literals (first alternative) in reverse order, repeated to {@code length}. */
    static String crafted(CompiledEntry c, int length) {
        List<String> runs = c.literals() == null || c.literals().isEmpty() ? List.of() : c.literals().get(0);
        StringBuilder unit = new StringBuilder();
        for (int i = runs.size() - 1; i >= 0; i--) {
            unit.append(runs.get(i)).append(' ');
        }
        if (unit.length() == 0) {
            unit.append(c.entry().id()).append(' ');
        }
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() + unit.length() <= length) {
            sb.append(unit);
        }
        return sb.toString();
    }
}
