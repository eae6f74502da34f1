package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.ConfigurationEvent;
import dev.knownerrors.kb.internal.Reloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.knownerrors.logback.KbFiles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutdown and reconfiguration: stopping or resetting the context releases the watcher thread
 * and stops the wrapped appenders; reconfiguring with {@code scan="true"} while threads log
 * loses no event that was logged outside Logback's own reset-and-configure window.
 */
class DiagnosingAppenderLifecycleTest {

    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final int RECONFIGURATIONS = 5;

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("known-errors.test.logFile");
        System.clearProperty("known-errors.test.kb");
    }

    @Test
    void stoppingTheContextEndsTheWatcherThreadAndStopsTheWrappedAppenders() throws IOException {
        LoggerContext context = Logback.configure(scanConfig("DiagnosingAppenderLifecycleTest-scan.xml").toUri().toURL(),
                Map.of());
        DiagnosingAppender diagnose = diagnosing(context);
        Appender<ILoggingEvent> file = diagnose.getAppender("FILE");
        assertThat(watcherThreads()).containsExactly(Reloader.THREAD_PREFIX + "DIAGNOSE");

        context.stop();

        assertThat(watcherThreads()).isEmpty();
        assertThat(threadsRunningOurCode()).isEmpty();
        assertThat(diagnose.isStarted()).isFalse();
        assertThat(file.isStarted()).isFalse();
    }

    @Test
    void resettingTheContextEndsTheWatcherThreadAndStopsTheWrappedAppenders() throws IOException {
        LoggerContext context = Logback.configure(scanConfig("DiagnosingAppenderLifecycleTest-scan.xml").toUri().toURL(),
                Map.of());
        DiagnosingAppender diagnose = diagnosing(context);
        Appender<ILoggingEvent> file = diagnose.getAppender("FILE");

        context.reset();

        assertThat(watcherThreads()).isEmpty();
        assertThat(diagnose.isStarted()).isFalse();
        assertThat(file.isStarted()).isFalse();
        context.stop();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DiagnosingAppenderLifecycleTest-scan.xml", "DiagnosingAppenderLifecycleTest-scan-without-us.xml"})
    void scanReconfigurationWhileThreadsLogLosesNoEventLoggedOutsideLogbacksResetWindow(String config) throws Exception {
        boolean withUs = !config.contains("without-us");
        Path xml = scanConfig(config);
        LoggerContext context = Logback.configure(xml.toUri().toURL(), Map.of());
        ReconfigurationWorkload workload = new ReconfigurationWorkload();
        long[] windowNanos = new long[2];
        context.addConfigurationEventListener(e -> {
            if (e.getEventType() == ConfigurationEvent.EventType.CHANGE_DETECTED) {
                windowNanos[0] = System.nanoTime();
                workload.generation.incrementAndGet(); // odd: Logback is about to reset the context
            } else if (e.getEventType() == ConfigurationEvent.EventType.CONFIGURATION_ENDED_SUCCESSFULLY
                    && workload.generation.get() % 2 == 1) {
                windowNanos[1] += System.nanoTime() - windowNanos[0];
                workload.generation.incrementAndGet(); // even: the new configuration is in place
            }
        });
        List<Appender<ILoggingEvent>> replaced = new ArrayList<>();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        workload.start((w, seq) -> {
            org.slf4j.Logger logger = context.getLogger("reconf.worker" + w);
            if (ReconfigurationWorkload.knownError(seq)) {
                logger.error("w{} #{} Redis reported: Can't save in background: fork: Cannot allocate memory", w, seq);
            } else {
                logger.info("w{} #{} Completed GET /api/orders in {} ms", w, seq, 12);
            }
        });
        try {
            for (int i = 1; i <= RECONFIGURATIONS; i++) {
                replaced.add(withUs ? diagnosing(context) : root.getAppender("FILE"));
                if (withUs) {
                    replaced.add(diagnosing(context).getAppender("FILE"));
                }
                Files.setLastModifiedTime(xml, FileTime.fromMillis(System.currentTimeMillis() + i * 2_000L));
                long done = 2L * i;
                await().atMost(DEADLINE).until(() -> workload.generation.get() >= done);
            }
            Thread.sleep(100); // let the threads log a little under the last configuration too
        } finally {
            workload.stop();
        }
        if (withUs) {
            await().atMost(DEADLINE).until(() -> watcherThreads().size() == 1);
        }
        context.stop();

        ReconfigurationWorkload.Outcome outcome = workload.outcome(Path.of(System.getProperty("known-errors.test.logFile")));
        System.out.printf("%s: %s; reset-to-configured window %.1f ms on average%n", withUs ? "with DiagnosingAppender"
                : "without it", outcome, windowNanos[1] / 1e6 / RECONFIGURATIONS);
        assertThat(outcome.violations()).as("duplicated or reordered events, or events logged outside a"
                + " reconfiguration missing").isEmpty();
        assertThat(outcome.loggedOutside()).isPositive();
        assertThat(outcome.logged() - outcome.loggedOutside()).as("events logged during reconfiguration").isPositive();
        assertThat(outcome.diagnosisBlocks()).isEqualTo(withUs ? outcome.knownErrors() : 0);
        assertThat(replaced).allSatisfy(a -> assertThat(a.isStarted()).as(a.getName()).isFalse());
        assertThat(watcherThreads()).isEmpty();
    }

    /** Copies a configuration next to the log file (so the test can touch it) and points it at a KB directory. */
    private Path scanConfig(String resource) throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        KbFiles.write(kb.resolve("quota.json"), entry("team/quota", "quota exceeded for tenant \\w+", "The tenant used up its quota."));
        System.setProperty("known-errors.test.logFile", dir.resolve("app.log").toString());
        System.setProperty("known-errors.test.kb", kb.toString());
        Path xml = dir.resolve("logback.xml");
        try (var in = getClass().getResourceAsStream("/" + resource)) {
            Files.write(xml, in.readAllBytes());
        }
        return xml;
    }

    private static DiagnosingAppender diagnosing(LoggerContext context) {
        return (DiagnosingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("DIAGNOSE");
    }

    static List<String> watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(Reloader.THREAD_PREFIX)).toList();
    }

    /** Threads other than this one with a frame of kb-core on their stack. */
    static List<String> threadsRunningOurCode() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != Thread.currentThread())
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("dev.knownerrors.kb.")))
                .map(e -> e.getKey().getName()).toList();
    }
}
