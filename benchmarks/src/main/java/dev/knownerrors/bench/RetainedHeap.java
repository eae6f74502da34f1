package dev.knownerrors.bench;

import dev.knownerrors.kb.KnowledgeBase;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Retained heap of a loaded KB (after one diagnosed event, so per-thread state exists):
 * used heap after full GCs with the KB held, minus before. Run with {@code benchmarks/run heap}.
 */
public final class RetainedHeap {

    private RetainedHeap() {
    }

    public static void main(String[] args) {
        for (String label : new String[] {"2522", "10000"}) {
            int size = Integer.parseInt(label);
            String location = Kbs.location(size);
            KnowledgeBase.bundled();
            long before = usedAfterGc();
            KnowledgeBase kb = Kbs.builder(location).build();
            kb.diagnose(Messages.REDIS, null);
            kb.diagnose(Messages.BENIGN[0], null);
            long after = usedAfterGc();
            System.out.printf("%s: %d entries from %s, retained heap %.1f MB%n", label, kb.entries().size(),
                    location.equals(Kbs.DEADENDS.toString()) ? location : "a generated KB", (after - before) / 1e6);
            if (kb.entries().isEmpty()) {
                throw new IllegalStateException("nothing loaded");
            }
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
