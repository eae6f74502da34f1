package dev.knownerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import dev.knownerrors.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** excludedDomains and minimumConfidence through real logback.xml files and a real FileAppender. */
class DiagnosingAppenderFiltersTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory"; // database, confidence 0.86
    static final String REFUSED = "Could not reach the inventory service"; // + ConnectException: network, 0.95

    @TempDir
    Path dir;

    private List<String> run(String config, LoggerContext[] out) throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure(config, Map.of("logFile", log.toString()));
        Logger logger = context.getLogger("app");
        logger.error(REDIS);
        logger.error(REFUSED, new ConnectException("Connection refused"));
        context.stop();
        out[0] = context;
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static List<String> infos(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() == Status.INFO)
                .map(Status::getMessage).toList();
    }

    @Test
    void excluded_domains_are_not_diagnosed_and_are_counted_as_left_out() throws IOException {
        LoggerContext[] context = new LoggerContext[1];
        List<String> lines = run("DiagnosingAppenderFiltersTest-excluded-domains.xml", context);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("ERROR " + REDIS);
        assertThat(lines.get(1)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(lines.get(4)).startsWith("    docs: ").endsWith(" [kb.id=database/redis-bgsave-fork-error]");
        assertThat(lines.get(5)).isEqualTo("ERROR " + REFUSED + " [kb.id=]");
        long network = KnowledgeBase.bundled().entries().stream().filter(e -> "network".equals(e.domain())).count();
        long tls = KnowledgeBase.bundled().entries().stream().filter(e -> "tls".equals(e.domain())).count();
        assertThat(infos(context[0])).contains("known-errors: " + (KnowledgeBase.bundled().entries().size() - network - tls)
                + " entries in use, " + (network + tls) + " left out (domain network: " + network + "; domain tls: " + tls
                + "), 0 problems");
        Logback.assertNoWarningsOrErrors(context[0]);
    }

    @Test
    void entries_below_the_minimum_confidence_are_not_diagnosed() throws IOException {
        LoggerContext[] context = new LoggerContext[1];
        List<String> lines = run("DiagnosingAppenderFiltersTest-minimum-confidence.xml", context);
        assertThat(lines.get(0)).isEqualTo("ERROR " + REDIS + " [kb.id=]");
        assertThat(lines.get(1)).isEqualTo("ERROR " + REFUSED);
        assertThat(lines.get(2)).startsWith("  \u2691 known error network/connection-refused \u2014 ");
        assertThat(lines.get(lines.size() - 1)).endsWith(" [kb.id=network/connection-refused]");
        assertThat(infos(context[0])).anySatisfy(s -> assertThat(s).matches(
                "known-errors: \\d+ entries in use, \\d+ left out \\(confidence below 0\\.9: \\d+\\), 0 problems"));
        Logback.assertNoWarningsOrErrors(context[0]);
    }

    @Test
    void a_minimum_confidence_outside_zero_to_one_is_reported_and_every_entry_kept() {
        LoggerContext context = Logback.newContext();
        ListAppender<ILoggingEvent> list = new ListAppender<>();
        list.setContext(context);
        list.start();
        DiagnosingAppender appender = new DiagnosingAppender();
        appender.setContext(context);
        appender.addAppender(list);
        appender.setMinimumConfidence(1.5);
        appender.start();
        appender.doAppend(new LoggingEvent(Logger.class.getName(), context.getLogger("app"), Level.ERROR, REDIS, null, null));
        assertThat(Logback.statuses(context, Status.ERROR)).singleElement().satisfies(s -> assertThat(s.getMessage())
                .isEqualTo("known-errors: minimumConfidence must be between 0 and 1, was 1.5; using 0 (every entry)"));
        assertThat(list.list.get(0).getMDCPropertyMap()).containsEntry("kb.id", "database/redis-bgsave-fork-error");
    }
}
