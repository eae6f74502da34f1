package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scanned event that matches nothing allocates nothing (the prefilter reuses per-thread
 * state). Counted with the JVM's per-thread allocation counter, not timed.
 */
class AllocationTest {

    @Test
    void nonMatchingEventAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        KnowledgeBase kb = KnowledgeBase.bundled();
        String message = "GET /api/orders/8812 200 OK in 12 ms; user=4411 cache=hit region=eu-west-1 connection pool"
                + " stats active=3 idle=7 waiting=0; upstream latency p99=41ms; retries=0; payload 1.2 kB";
        Exception error = new IllegalStateException("wrapper", new RuntimeException("nothing known here"));
        for (int i = 0; i < 50_000; i++) { // warm up: JIT, thread-local state
            kb.diagnose(message, null);
            kb.diagnose(message, error);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            found += kb.diagnose(message, null).isPresent() ? 1 : 0;
            found += kb.diagnose(message, error).isPresent() ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(found).isZero();
        assertThat(allocated).as("bytes allocated by 200,000 non-matching events").isLessThan(200_000);
    }
}
