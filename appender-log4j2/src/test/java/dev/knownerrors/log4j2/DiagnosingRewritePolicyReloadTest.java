package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.knownerrors.log4j2.KbFiles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code scanPeriod}: real KB files in a temporary directory, changed while a real
 * configuration runs. Periods are tens of milliseconds; every wait polls with a deadline.
 */
@UsingStatusListener
class DiagnosingRewritePolicyReloadTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final String QUOTA = "quota exceeded for tenant acme";

    @TempDir
    Path dir;

    @Test
    void changedFilesAreReloadedAndABrokenUpdateKeepsTheLastGoodKnowledgeBaseAndIsReportedOnce(ListStatusListener status)
            throws Exception {
        Path kb = Files.createDirectory(dir.resolve("kb"));
        KbFiles.write(kb.resolve("disk.json"), entry("team/disk", "volume \\w+ is out of space", "The volume is full."));
        LoggerContext context = Log4j.start("DiagnosingRewritePolicyReloadTest-list.xml", kb.toString());
        Logger logger = context.getLogger("billing");
        try {
            assertThat(diagnosis(context, logger, QUOTA)).isNull();

            Path quota = kb.resolve("quota.json");
            KbFiles.write(quota, entry("team/quota", "quota exceeded for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(status, 1);
            assertThat(diagnosis(context, logger, QUOTA)).isEqualTo("team/quota");
            assertThat(lastReload(status)).contains(quota + " (added)").contains("2 entries in use, 0 problems");

            KbFiles.write(quota, entry("team/quota", "quota used up by tenant \\w+", "The tenant used up its quota."));
            awaitReloads(status, 2);
            assertThat(diagnosis(context, logger, QUOTA)).isNull();
            assertThat(diagnosis(context, logger, "quota used up by tenant acme")).isEqualTo("team/quota");

            KbFiles.write(quota, "{\"id\": \"team/quota\", \"regex\": ");
            await().atMost(DEADLINE).until(() -> warnings(status).size() == 1);
            await().during(Duration.ofMillis(400)).atMost(DEADLINE).until(() -> warnings(status).size() == 1);
            assertThat(warnings(status).get(0)).isEqualTo("known-errors: " + quota + " (changed): the changed"
                    + " knowledge base is not used, the one loaded before stays in use: " + quota
                    + ": malformed JSON at line 1, column 31: Unexpected end-of-input within/between Object entries"
                    + " (entries before it loaded)");
            assertThat(diagnosis(context, logger, "quota used up by tenant acme")).isEqualTo("team/quota");
            assertThat(reloads(status)).isEqualTo(2);

            KbFiles.write(quota, entry("team/quota", "quota gone for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(status, 3);
            assertThat(diagnosis(context, logger, "quota gone for tenant acme")).isEqualTo("team/quota");
            assertThat(diagnosis(context, logger, "quota used up by tenant acme")).isNull();

            Files.delete(quota);
            awaitReloads(status, 4);
            assertThat(lastReload(status)).contains(quota + " (removed)").contains("1 entries in use");
            assertThat(diagnosis(context, logger, "quota gone for tenant acme")).isNull();
            assertThat(diagnosis(context, logger, "volume data7 is out of space")).isEqualTo("team/disk");
        } finally {
            Log4j.stop(context);
        }
        assertThat(status.findStatusData(Level.ERROR)).isEmpty();
        assertThat(warnings(status)).hasSize(1);
    }

    @Test
    void aConfiguredFileThatDisappearsKeepsItsEntriesUntilItComesBack(ListStatusListener status) throws Exception {
        Path quota = dir.resolve("quota.json");
        KbFiles.write(quota, entry("team/quota", "quota exceeded for tenant \\w+", "The tenant used up its quota."));
        LoggerContext context = Log4j.start("DiagnosingRewritePolicyReloadTest-list.xml", quota.toString());
        Logger logger = context.getLogger("billing");
        try {
            Files.delete(quota);
            await().atMost(DEADLINE).until(() -> warnings(status).size() == 1);
            assertThat(warnings(status).get(0)).isEqualTo("known-errors: " + quota + " (removed): the changed knowledge"
                    + " base is not used, the one loaded before stays in use: " + quota + ": no such file or directory");
            assertThat(diagnosis(context, logger, QUOTA)).isEqualTo("team/quota");

            KbFiles.replace(quota, entry("team/quota", "quota gone for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(status, 1);
            assertThat(diagnosis(context, logger, "quota gone for tenant acme")).isEqualTo("team/quota");
        } finally {
            Log4j.stop(context);
        }
    }

    @Test
    void everyEventIsDiagnosedWithOneWholeKnowledgeBaseWhileItIsReplaced(ListStatusListener status) throws Exception {
        Path kb = Files.createDirectory(dir.resolve("kb"));
        Path flip = kb.resolve("flip.json");
        String versionA = entry("team/flip", "alpha failure #\\d+", "version A");
        String versionB = entry("team/flip", "beta failure #\\d+", "version B");
        KbFiles.write(flip, versionA);
        LoggerContext context = Log4j.start("DiagnosingRewritePolicyReloadTest-flip.xml", kb.toString());
        FlipCheckingAppender check = context.getConfiguration().getAppender("Check");
        AtomicBoolean flipping = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Logger logger = context.getLogger("flip.worker" + w);
                workers.add(pool.submit(() -> {
                    for (int n = 0; flipping.get(); n++) {
                        logger.error(n % 2 == 0 ? "alpha failure #{}" : "beta failure #{}", n);
                    }
                }));
            }
            for (int i = 1; i <= 10; i++) {
                KbFiles.replace(flip, i % 2 == 1 ? versionB : versionA);
                awaitReloads(status, i);
            }
            flipping.set(false);
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            flipping.set(false);
            pool.shutdown();
            Log4j.stop(context);
        }
        assertThat(check.violations()).as("events diagnosed with parts of two knowledge bases").isEmpty();
        assertThat(check.diagnosedAlpha()).isPositive();
        assertThat(check.diagnosedBeta()).isPositive();
        assertThat(warnings(status)).isEmpty();
    }

    /** Logs one ERROR and returns the {@code kb.id} it was diagnosed with, or null. */
    static String diagnosis(LoggerContext context, Logger logger, String message) {
        ListAppender list = context.getConfiguration().getAppender("List");
        int before = list.getEvents().size();
        logger.error(message);
        List<LogEvent> events = list.getEvents();
        assertThat(events).hasSize(before + 1);
        return events.get(before).getContextData().getValue("kb.id");
    }

    static List<String> warnings(ListStatusListener status) {
        return Log4j.messages(status, Level.WARN, "");
    }

    static int reloads(ListStatusListener status) {
        return Log4j.messages(status, Level.INFO, "knowledge base reloaded").size();
    }

    static String lastReload(ListStatusListener status) {
        List<String> all = Log4j.messages(status, Level.INFO, "knowledge base reloaded");
        return all.get(all.size() - 1);
    }

    static void awaitReloads(ListStatusListener status, int count) {
        await().atMost(DEADLINE).until(() -> reloads(status) >= count);
        assertThat(reloads(status)).isEqualTo(count);
    }
}
