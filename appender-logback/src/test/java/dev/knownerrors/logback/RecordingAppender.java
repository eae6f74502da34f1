package dev.knownerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test appender for {@link DiagnosingAppenderStressTest}: checks each event on arrival instead of
 * keeping a million of them. Messages start with {@code w<worker> #<sequence> }; per worker the
 * sequence must be the next one (so a lost, duplicated or reordered event shows), and the event's
 * {@code kb.id} must be the one its sequence number calls for.
 */
public class RecordingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final int WORKERS = 8;
    private static final int MAX_VIOLATIONS = 20;

    private final AtomicIntegerArray next = new AtomicIntegerArray(WORKERS);
    private final LongAdder received = new LongAdder();
    private final LongAdder diagnosed = new LongAdder();
    private final LongAdder fullBlocks = new LongAdder();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        received.increment();
        String m = event.getFormattedMessage();
        int hash = m.indexOf(" #");
        int end = m.indexOf(' ', hash + 2);
        if (!m.startsWith("w") || hash < 0 || end < 0) {
            violation("unexpected message: " + m);
            return;
        }
        int worker = Integer.parseInt(m, 1, hash, 10);
        int seq = Integer.parseInt(m, hash + 2, end, 10);
        int expected = next.getAndSet(worker, seq + 1);
        if (seq != expected) {
            violation("worker " + worker + ": expected #" + expected + ", got #" + seq);
        }
        String id = event.getMDCPropertyMap() == null ? null : event.getMDCPropertyMap().get("kb.id");
        String want = Workload.expectedId(seq);
        if (want == null ? id != null : !want.equals(id)) {
            violation("worker " + worker + " #" + seq + ": kb.id " + id + ", expected " + want);
        }
        if (id != null) {
            diagnosed.increment();
            if (m.contains("\n  \u2691 known error " + id + " \u2014 ")) {
                fullBlocks.increment();
            } else if (!m.contains("\n  \u2691 known error " + id + " (seen ")) { // a repeat within the window
                violation("worker " + worker + " #" + seq + ": no diagnosis text in " + m);
            }
        }
    }

    private void violation(String what) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(what);
        }
    }

    long received() {
        return received.sum();
    }

    long diagnosed() {
        return diagnosed.sum();
    }

    /** Diagnosed events that carried the full block rather than the repeat reference. */
    long fullBlocks() {
        return fullBlocks.sum();
    }

    int next(int worker) {
        return next.get(worker);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }
}
