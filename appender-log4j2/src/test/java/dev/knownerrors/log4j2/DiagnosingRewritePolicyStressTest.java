package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.core.test.junit.Named;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million events from eight threads through real configurations: every one reaches the
 * appender behind the Rewrite exactly once, in each thread's order, and exactly the known
 * errors carry their {@code kb.id}.
 */
@UsingStatusListener
class DiagnosingRewritePolicyStressTest {

    static final int EVENTS = 1_000_000;
    static final int PER_WORKER = EVENTS / RecordingAppender.WORKERS;

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyStressTest-sync.xml")
    void eightThreadsLoggingAMillionEventsEachReachTheAppenderBehindTheRewriteOnceInOrder(LoggerContext context,
            @Named("Record") RecordingAppender record, ListStatusListener status) throws Exception {
        run(context);
        assertAllDelivered(record, status);
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyStressTest-appender.xml")
    void throughDiagnosingAppenderInsteadOfRewriteEveryEventArrivesOnceInOrder(LoggerContext context,
            @Named("Record") RecordingAppender record, ListStatusListener status) throws Exception {
        run(context);
        assertAllDelivered(record, status);
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyStressTest-async.xml")
    void aBlockingAsyncAppenderInFrontUnderBackPressureLosesAndReordersNothing(LoggerContext context,
            @Named("Record") RecordingAppender record, ListStatusListener status) throws Exception {
        run(context);
        context.getConfiguration().getAppender("Async").stop(); // shutdownTimeout 0: drains the queue first
        assertAllDelivered(record, status);
    }

    private static void run(LoggerContext context) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RecordingAppender.WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < RecordingAppender.WORKERS; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    Logger logger = context.getLogger("stress.worker" + worker);
                    ConnectException refused = new ConnectException("Connection refused");
                    for (int seq = 0; seq < PER_WORKER; seq++) {
                        Workload.log(logger, worker, seq, refused);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(); // rethrows whatever a worker threw
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void assertAllDelivered(RecordingAppender record, ListStatusListener status) {
        assertThat(record.violations()).as("lost, duplicated, reordered or wrongly diagnosed events").isEmpty();
        assertThat(record.received()).isEqualTo(EVENTS);
        for (int w = 0; w < RecordingAppender.WORKERS; w++) {
            assertThat(record.next(w)).as("events of worker %d", w).isEqualTo(PER_WORKER);
        }
        assertThat(record.diagnosed()).isEqualTo(2L * EVENTS / 40);
        // two known errors, a 60 s repeat window: one full block each per minute the test runs
        assertThat(record.fullBlocks()).as("full blocks").isBetween(2L, 20L);
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }
}
