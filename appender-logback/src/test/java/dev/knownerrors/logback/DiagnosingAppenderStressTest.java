package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million events from eight threads through real configurations: every one reaches the
 * wrapped appender exactly once, in each thread's order, and exactly the known errors carry
 * their {@code kb.id}.
 */
class DiagnosingAppenderStressTest {

    static final int EVENTS = 1_000_000;
    static final int PER_WORKER = EVENTS / RecordingAppender.WORKERS;

    @Test
    void eightThreadsLoggingAMillionEventsEachReachTheWrappedAppenderOnceInOrder() throws Exception {
        LoggerContext context = Logback.configure("DiagnosingAppenderStressTest-sync.xml", Map.of());
        RecordingAppender record = recorder(context, "DIAGNOSE");
        run(context);
        context.stop();
        assertAllDelivered(context, record);
    }

    @Test
    void aBlockingAsyncAppenderInFrontUnderBackPressureLosesAndReordersNothing() throws Exception {
        LoggerContext context = Logback.configure("DiagnosingAppenderStressTest-async.xml", Map.of());
        RecordingAppender record = recorder(context, "ASYNC", "DIAGNOSE");
        run(context);
        context.stop(); // maxFlushTime 0: waits until the queue is drained
        assertAllDelivered(context, record);
    }

    @Test
    void anAsyncAppenderBehindTheDiagnosingOneDeliversTheDecoratedEventsIntact() throws Exception {
        LoggerContext context = Logback.configure("DiagnosingAppenderStressTest-async-behind.xml", Map.of());
        RecordingAppender record = recorder(context, "DIAGNOSE", "ASYNC");
        run(context);
        context.stop();
        assertAllDelivered(context, record);
    }

    @SuppressWarnings("unchecked")
    private static RecordingAppender recorder(LoggerContext context, String... path) {
        Appender<?> a = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(path[0]);
        for (int i = 1; i < path.length; i++) {
            a = ((AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent>) a).getAppender(path[i]);
        }
        return (RecordingAppender) ((AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent>) a).getAppender("RECORD");
    }

    private static void run(LoggerContext context) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RecordingAppender.WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < RecordingAppender.WORKERS; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    org.slf4j.Logger logger = context.getLogger("stress.worker" + worker);
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

    private static void assertAllDelivered(LoggerContext context, RecordingAppender record) {
        assertThat(record.violations()).as("lost, duplicated, reordered or wrongly diagnosed events").isEmpty();
        assertThat(record.received()).isEqualTo(EVENTS);
        for (int w = 0; w < RecordingAppender.WORKERS; w++) {
            assertThat(record.next(w)).as("events of worker %d", w).isEqualTo(PER_WORKER);
        }
        assertThat(record.diagnosed()).isEqualTo(2L * EVENTS / 40);
        // two known errors, a 60 s repeat window: one full block each per minute the test runs
        assertThat(record.fullBlocks()).as("full blocks").isBetween(2L, 20L);
        Logback.assertNoWarningsOrErrors(context);
    }
}
