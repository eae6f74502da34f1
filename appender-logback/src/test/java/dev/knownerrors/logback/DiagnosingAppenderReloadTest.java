package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.knownerrors.logback.KbFiles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code scanPeriod}: real KB files in a temporary directory, changed while a real
 * configuration runs. Periods are tens of milliseconds; every wait polls with a deadline.
 */
class DiagnosingAppenderReloadTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final String QUOTA = "quota exceeded for tenant acme";

    @TempDir
    Path dir;

    @Test
    void changedFilesAreReloadedAndABrokenUpdateKeepsTheLastGoodKnowledgeBaseAndIsReportedOnce() throws Exception {
        Path kb = Files.createDirectory(dir.resolve("kb"));
        KbFiles.write(kb.resolve("disk.json"), entry("team/disk", "volume \\w+ is out of space", "The volume is full."));
        LoggerContext context = Logback.configure("DiagnosingAppenderReloadTest-list.xml", Map.of("kbDir", kb.toString()));
        Logger logger = context.getLogger("billing");
        try {
            assertThat(diagnosis(context, logger, QUOTA)).isNull();

            Path quota = kb.resolve("quota.json");
            KbFiles.write(quota, entry("team/quota", "quota exceeded for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(context, 1);
            assertThat(diagnosis(context, logger, QUOTA)).isEqualTo("team/quota");
            assertThat(lastReload(context)).contains(quota + " (added)").contains("2 entries in use, 0 problems");

            KbFiles.write(quota, entry("team/quota", "quota used up by tenant \\w+", "The tenant used up its quota."));
            awaitReloads(context, 2);
            assertThat(diagnosis(context, logger, QUOTA)).isNull();
            assertThat(diagnosis(context, logger, "quota used up by tenant acme")).isEqualTo("team/quota");

            KbFiles.write(quota, "{\"id\": \"team/quota\", \"regex\": ");
            await().atMost(DEADLINE).until(() -> warnings(context).size() == 1);
            await().during(Duration.ofMillis(400)).atMost(DEADLINE).until(() -> warnings(context).size() == 1);
            assertThat(warnings(context).get(0)).isEqualTo("known-errors: " + quota + " (changed): the changed"
                    + " knowledge base is not used, the one loaded before stays in use: " + quota
                    + ": malformed JSON at line 1, column 31: Unexpected end-of-input within/between Object entries"
                    + " (entries before it loaded)");
            assertThat(diagnosis(context, logger, "quota used up by tenant acme")).isEqualTo("team/quota");
            assertThat(reloads(context)).isEqualTo(2);

            KbFiles.write(quota, entry("team/quota", "quota gone for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(context, 3);
            assertThat(diagnosis(context, logger, "quota gone for tenant acme")).isEqualTo("team/quota");
            assertThat(diagnosis(context, logger, "quota used up by tenant acme")).isNull();

            Files.delete(quota);
            awaitReloads(context, 4);
            assertThat(lastReload(context)).contains(quota + " (removed)").contains("1 entries in use");
            assertThat(diagnosis(context, logger, "quota gone for tenant acme")).isNull();
            assertThat(diagnosis(context, logger, "volume data7 is out of space")).isEqualTo("team/disk");
        } finally {
            context.stop();
        }
        assertThat(Logback.statuses(context, Status.ERROR)).isEmpty();
        assertThat(warnings(context)).hasSize(1);
    }

    @Test
    void aConfiguredFileThatDisappearsKeepsItsEntriesUntilItComesBack() throws Exception {
        Path quota = dir.resolve("quota.json");
        KbFiles.write(quota, entry("team/quota", "quota exceeded for tenant \\w+", "The tenant used up its quota."));
        LoggerContext context = Logback.configure("DiagnosingAppenderReloadTest-list.xml", Map.of("kbDir", quota.toString()));
        Logger logger = context.getLogger("billing");
        try {
            Files.delete(quota);
            await().atMost(DEADLINE).until(() -> warnings(context).size() == 1);
            assertThat(warnings(context).get(0)).isEqualTo("known-errors: " + quota + " (removed): the changed knowledge"
                    + " base is not used, the one loaded before stays in use: " + quota + ": no such file or directory");
            assertThat(diagnosis(context, logger, QUOTA)).isEqualTo("team/quota");

            KbFiles.replace(quota, entry("team/quota", "quota gone for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(context, 1);
            assertThat(diagnosis(context, logger, "quota gone for tenant acme")).isEqualTo("team/quota");
        } finally {
            context.stop();
        }
    }

    @Test
    void everyEventIsDiagnosedWithOneWholeKnowledgeBaseWhileItIsReplaced() throws Exception {
        Path kb = Files.createDirectory(dir.resolve("kb"));
        Path flip = kb.resolve("flip.json");
        String versionA = entry("team/flip", "alpha failure #\\d+", "version A");
        String versionB = entry("team/flip", "beta failure #\\d+", "version B");
        KbFiles.write(flip, versionA);
        LoggerContext context = Logback.configure("DiagnosingAppenderReloadTest-flip.xml", Map.of("kbDir", kb.toString()));
        FlipCheckingAppender check = (FlipCheckingAppender) ((DiagnosingAppender) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("DIAGNOSE")).getAppender("CHECK");
        AtomicBoolean flipping = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                org.slf4j.Logger logger = context.getLogger("flip.worker" + w);
                workers.add(pool.submit(() -> {
                    for (int n = 0; flipping.get(); n++) {
                        logger.error((n % 2 == 0 ? "alpha failure #{}" : "beta failure #{}"), n);
                    }
                }));
            }
            for (int i = 1; i <= 10; i++) {
                KbFiles.replace(flip, i % 2 == 1 ? versionB : versionA);
                awaitReloads(context, i);
            }
            flipping.set(false);
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            flipping.set(false);
            pool.shutdown();
            context.stop();
        }
        assertThat(check.violations()).as("events diagnosed with parts of two knowledge bases").isEmpty();
        assertThat(check.diagnosedAlpha()).isPositive();
        assertThat(check.diagnosedBeta()).isPositive();
        assertThat(warnings(context)).isEmpty();
    }

    /** Logs one ERROR and returns the {@code kb.id} it was diagnosed with, or null. */
    static String diagnosis(LoggerContext context, Logger logger, String message) {
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> list = (ListAppender<ILoggingEvent>) ((DiagnosingAppender) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("DIAGNOSE")).getAppender("LIST");
        int before = list.list.size();
        logger.error(message);
        assertThat(list.list).hasSize(before + 1);
        return list.list.get(before).getMDCPropertyMap().get("kb.id");
    }

    static List<String> messages(LoggerContext context, int level, String containing) {
        return Logback.statuses(context, level).stream().filter(s -> s.getLevel() == level)
                .map(Status::getMessage).filter(m -> m.contains(containing)).toList();
    }

    static List<String> warnings(LoggerContext context) {
        return messages(context, Status.WARN, "known-errors: ");
    }

    static int reloads(LoggerContext context) {
        return messages(context, Status.INFO, "knowledge base reloaded").size();
    }

    static String lastReload(LoggerContext context) {
        List<String> all = messages(context, Status.INFO, "knowledge base reloaded");
        return all.get(all.size() - 1);
    }

    static void awaitReloads(LoggerContext context, int count) {
        await().atMost(DEADLINE).until(() -> reloads(context) >= count);
        assertThat(reloads(context)).isEqualTo(count);
    }
}
