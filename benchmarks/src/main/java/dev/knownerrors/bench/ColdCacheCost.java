package dev.knownerrors.bench;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.ThrowableView;
import dev.knownerrors.log4j2.DiagnosingRewritePolicy;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ReusableLogEventFactory;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessageFactory;

import java.net.ConnectException;
import java.util.function.LongSupplier;

/**
 * What a diagnosis costs when the CPU's caches have turned over since the last one, as in an
 * appender's stream where a known error comes a hundred events after the previous: between two
 * calls, a buffer of the given size is swept (every 64-byte line written), then one call is
 * timed. Four calls, the bundled KB: Log4j 2's {@code DiagnosingRewritePolicy.rewrite} of the
 * stream's Redis line and of its refused connection (with its {@code ConnectException}), as a
 * synchronous logger's reusable event; {@code KnowledgeBase.diagnose} of the Redis line and of
 * a benign ERROR line. Run with {@code benchmarks/run cold-cache [SWEEP_KB ...]} (default 0 256
 * 1024 2048 4096); prints the mean time per call for each sweep size, after warm-up rounds.
 */
public final class ColdCacheCost {

    private static final int CALLS = 50_000;
    private static final int ROUNDS = 8;
    private static final int WARM_UP_ROUNDS = 4;

    private ColdCacheCost() {
    }

    public static void main(String[] args) {
        int[] sweeps = args.length == 0 ? new int[] {0, 256, 1024, 2048, 4096}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().build();
        KnowledgeBase kb = KnowledgeBase.bundled();
        ReusableLogEventFactory events = new ReusableLogEventFactory();
        ConnectException refused = new ConnectException("Connection refused");
        String benign = "Export of report monthly-11 failed validation; skipped";
        String[] names = {"rewrite Redis line", "rewrite refused connection", "diagnose Redis line", "diagnose benign line"};
        LongSupplier[] calls = {
            () -> rewrite(policy, events, ReusableMessageFactory.INSTANCE.newMessage(Messages.REDIS), null),
            () -> rewrite(policy, events, ReusableMessageFactory.INSTANCE.newMessage("Inventory service unreachable for sku {}",
                    "311-204"), refused),
            () -> kb.diagnose(Messages.REDIS, null, ThrowableView.THROWABLE).isPresent() ? 1 : 0,
            () -> kb.diagnose(benign, null, ThrowableView.THROWABLE).isPresent() ? 1 : 0,
        };
        long sink = 0;
        for (int sweepKb : sweeps) {
            long[] sweep = new long[sweepKb * 1024 / Long.BYTES];
            long[] nanos = new long[calls.length];
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < CALLS; i++) {
                    for (int c = 0; c < calls.length; c++) {
                        for (int k = 0; k < sweep.length; k += 8) { // one write per 64-byte line
                            sweep[k] += i;
                        }
                        long t = System.nanoTime();
                        sink += calls[c].getAsLong();
                        t = System.nanoTime() - t;
                        if (round >= WARM_UP_ROUNDS) {
                            nanos[c] += t;
                        }
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format("swept %,6d KB between calls:", sweepKb));
            long measured = (long) CALLS * (ROUNDS - WARM_UP_ROUNDS);
            for (int c = 0; c < calls.length; c++) {
                line.append(String.format(" %s %,d ns%s", names[c], nanos[c] / measured, c < calls.length - 1 ? ";" : ""));
            }
            System.out.println(line);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long rewrite(DiagnosingRewritePolicy policy, ReusableLogEventFactory events, Message message, Throwable t) {
        LogEvent e = events.createEvent("bench.orders", null, ColdCacheCost.class.getName(), Level.ERROR, message, null, t);
        try {
            return policy.rewrite(e).getContextData().size();
        } finally {
            ReusableLogEventFactory.release(e);
        }
    }
}
