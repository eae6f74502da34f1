package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.core.test.junit.Named;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.knownerrors.log4j2.DiagnosingRewritePolicyReloadTest.awaitReloads;
import static dev.knownerrors.log4j2.DiagnosingRewritePolicyReloadTest.diagnosis;
import static dev.knownerrors.log4j2.DiagnosingRewritePolicyReloadTest.lastReload;
import static dev.knownerrors.log4j2.KbFiles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Log4j 2's {@code DiagnosingAppender}: the rewrite policy's output without Log4j's
 * {@code Rewrite} appender, through real log4j2.xml files and real appenders.
 */
@UsingStatusListener
class DiagnosingAppenderTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";

    @TempDir
    Path dir;

    @Test
    @LoggerContextSource("DiagnosingAppenderTest-same-as-rewrite.xml")
    void itWritesExactlyWhatTheRewritePolicyWritesForTheSameEvents(LoggerContext context, ListStatusListener status)
            throws Exception {
        Logger logger = context.getLogger("cache");
        logger.info("Started CacheService in 2.345 seconds");
        logger.error(REDIS);
        logger.warn("Slow response from backend: {} ms", 1200);
        logger.error("Inventory service unreachable", new ConnectException("Connection refused"));
        logger.error(REDIS); // a repeat within the window: the one-line reference with its count
        context.stop();

        String appender = Files.readString(Path.of("target/log4j2-diagnosing-appender/appender.log"), StandardCharsets.UTF_8);
        String rewrite = Files.readString(Path.of("target/log4j2-diagnosing-appender/rewrite.log"), StandardCharsets.UTF_8);
        assertThat(appender).isEqualTo(rewrite)
                .contains("ERROR cache - " + REDIS + "\n  \u2691 known error database/redis-bgsave-fork-error \u2014 ")
                .contains("[kb.id=network/connection-refused]")
                .contains("\n  \u2691 known error database/redis-bgsave-fork-error (seen 2 times in the last 60 s; details above)")
                .startsWith("INFO cache - Started CacheService in 2.345 seconds [kb.id=]\n");
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    void eventsItDoesNotDiagnoseReachTheWrappedAppenderAsTheVerySameObject() {
        DefaultConfiguration configuration = new DefaultConfiguration();
        Capture capture = new Capture();
        capture.start();
        configuration.addAppender(capture);
        DiagnosingAppender appender = DiagnosingAppender.newBuilder().setName("Diagnose")
                .setAppenderRefs(AppenderRef.createAppenderRef("Capture", null, null))
                .setConfiguration(configuration).build();
        appender.start();
        LogEvent benign = DiagnosingRewritePolicyTest.event(Level.ERROR, new SimpleMessage("all is well"), null);
        LogEvent belowLevel = DiagnosingRewritePolicyTest.event(Level.INFO, new SimpleMessage(REDIS), null);
        LogEvent known = DiagnosingRewritePolicyTest.event(Level.ERROR, new SimpleMessage(REDIS), null);
        appender.append(benign);
        appender.append(belowLevel);
        appender.append(known);

        assertThat(capture.events).hasSize(3);
        assertThat(capture.events.get(0)).isSameAs(benign);
        assertThat(capture.events.get(1)).isSameAs(belowLevel);
        assertThat(capture.events.get(2)).isNotSameAs(known);
        assertThat(capture.events.get(2).getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
        assertThat(capture.events.get(2).getMessage().getFormattedMessage()).startsWith(REDIS + "\n  \u2691 known error ");
    }

    @Test
    void thePolicysSettingsAreAttributesAndElementsOfTheAppender(ListStatusListener status) {
        LoggerContext context = Log4j.start("DiagnosingAppenderTest-settings.xml",
                Path.of("src/test/resources/team-kb/quota.json").toAbsolutePath().toString());
        try {
            Logger logger = context.getLogger("billing");
            ListAppender list = context.getConfiguration().getAppender("List");
            logger.warn("quota exceeded for tenant acme"); // below minimumLevel="ERROR"
            logger.error("quota exceeded for tenant acme"); // the team KB's entry
            logger.error(REDIS); // the bundled KB is still in
            List<LogEvent> events = list.getEvents();
            assertThat(events).hasSize(3);
            assertThat(events.get(0).getContextData().containsKey("kb.id")).isFalse();
            assertThat(events.get(1).getContextData().<String>getValue("kb.id")).isEqualTo("team/quota");
            assertThat(events.get(2).getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
            // appendToMessage="false": the fields only
            assertThat(events.get(1).getMessage().getFormattedMessage()).isEqualTo("quota exceeded for tenant acme");
        } finally {
            Log4j.stop(context);
        }
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosingAppenderTest-file-duties.xml")
    void log4jsOwnFileAppendersGetTheirFilterAskedTheirFailuresHandledAndTheirStopReportedAsLog4jDoes(
            LoggerContext context, ListStatusListener status) throws Exception {
        Logger logger = context.getLogger("cache");
        logger.info("Started CacheService in 2.345 seconds");
        logger.error(REDIS);
        // ignoreExceptions="false" on both appenders: the failure reaches the caller, as Log4j's error handler throws it
        assertThatThrownBy(() -> logger.error("boom")).isInstanceOf(AppenderLoggingException.class)
                .hasMessage("An exception occurred processing Appender Failing").hasRootCauseMessage("boom");
        context.getConfiguration().getAppender("ErrorsOnly").stop();
        logger.error("Inventory service unreachable");
        context.stop();

        List<String> errorsOnly = Files.readAllLines(Path.of("target/log4j2-diagnosing-appender/errors-only.log"));
        assertThat(errorsOnly.get(0)).isEqualTo("ERROR cache - " + REDIS);
        assertThat(errorsOnly.get(1)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(errorsOnly).noneMatch(l -> l.contains("Started CacheService") || l.contains("Inventory"))
                .filteredOn(l -> l.startsWith("ERROR ")).hasSize(2).last().isEqualTo("ERROR cache - boom");
        assertThat(Files.readAllLines(Path.of("target/log4j2-diagnosing-appender/failing.log")))
                .filteredOn(l -> !l.startsWith(" ")).containsExactly("INFO cache - Started CacheService in 2.345 seconds",
                        "ERROR cache - " + REDIS, "ERROR cache - Inventory service unreachable");
        assertThat(status.getStatusData().map(d -> d.getMessage().getFormattedMessage()))
                .contains("An exception occurred processing Appender Failing")
                .anySatisfy(m -> assertThat(m).startsWith("Attempted to append to non-started appender ErrorsOnly"));
    }

    @Test
    @LoggerContextSource("DiagnosingAppenderTest-references.xml")
    void aReferenceIsResolvedLikeALoggersWithItsLevelAndFilterAndAMissingOneIsReported(LoggerContext context,
            @Named("All") ListAppender all, @Named("Errors") ListAppender errors, @Named("NotRedis") ListAppender notRedis,
            ListStatusListener status) {
        Logger logger = context.getLogger("cache");
        logger.warn("Slow response from backend: {} ms", 1200);
        logger.error(REDIS);

        assertThat(all.getEvents()).hasSize(2);
        assertThat(all.getEvents().get(1).getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
        assertThat(errors.getEvents()).hasSize(1);
        assertThat(errors.getEvents().get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(notRedis.getEvents()).hasSize(1);
        assertThat(notRedis.getEvents().get(0).getMessage().getFormattedMessage()).startsWith("Slow response");
        assertThat(Log4j.messages(status, Level.ERROR, "Nowhere")).containsExactly("known-errors: DiagnosingAppender"
                + " 'Diagnose' refers to appender 'Nowhere', which is not in the configuration; events are not forwarded to it");
    }

    @Test
    @LoggerContextSource("DiagnosingAppenderTest-no-reference.xml")
    void withoutAnAppenderRefItIsNotCreatedAndSaysWhy(LoggerContext context, @Named("List") ListAppender list,
            ListStatusListener status) {
        assertThat(context.getConfiguration().<DiagnosingAppender>getAppender("Diagnose")).isNull();
        assertThat(Log4j.messages(status, Level.ERROR, "no <AppenderRef>")).containsExactly("known-errors: DiagnosingAppender"
                + " 'Diagnose' has no <AppenderRef>; it wraps the appenders that write the events, so it is not created");
        context.getLogger("cache").error(REDIS);
        assertThat(list.getEvents()).hasSize(1); // the rest of the configuration works
    }

    @Test
    void scanPeriodReloadsChangedFilesOnTheConfigurationsScheduler(ListStatusListener status) throws Exception {
        Path kb = Files.createDirectory(dir.resolve("kb"));
        KbFiles.write(kb.resolve("disk.json"), entry("team/disk", "volume \\w+ is out of space", "The volume is full."));
        LoggerContext context = Log4j.start("DiagnosingAppenderTest-reload.xml", kb.toString());
        try {
            Logger logger = context.getLogger("billing");
            assertThat(diagnosis(context, logger, "quota exceeded for tenant acme")).isNull();
            Path quota = kb.resolve("quota.json");
            KbFiles.write(quota, entry("team/quota", "quota exceeded for tenant \\w+", "The tenant used up its quota."));
            awaitReloads(status, 1);
            assertThat(lastReload(status)).contains(quota + " (added)");
            assertThat(diagnosis(context, logger, "quota exceeded for tenant acme")).isEqualTo("team/quota");
        } finally {
            Log4j.stop(context);
        }
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    /** Keeps the very event objects it is given (Log4j's ListAppender keeps immutable copies). */
    private static final class Capture extends AbstractAppender {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Capture() {
            super("Capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event);
        }
    }
}
