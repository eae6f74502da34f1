package dev.knownerrors.log4j2;

import dev.knownerrors.kb.KnowledgeBase;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.TempLoggingDir;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** excludedDomains and minimumConfidence through real log4j2.xml files and a real File appender. */
@UsingStatusListener
class DiagnosingRewritePolicyFiltersTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory"; // database, confidence 0.86
    static final String REFUSED = "Could not reach the inventory service"; // + ConnectException: network, 0.95

    @TempLoggingDir
    Path loggingPath;

    private List<String> run(LoggerContext context) throws IOException {
        Logger logger = context.getLogger("app");
        logger.error(REDIS);
        logger.error(REFUSED, new ConnectException("Connection refused"));
        return Files.readAllLines(loggingPath.resolve("app.log"), StandardCharsets.UTF_8);
    }

    private static List<String> infos(ListStatusListener status) {
        return status.getStatusData().filter(s -> s.getLevel() == Level.INFO).map(StatusData::getMessage)
                .map(m -> m.getFormattedMessage()).toList();
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyFiltersTest-excluded-domains.xml")
    void excluded_domains_are_not_diagnosed_and_are_counted_as_left_out(LoggerContext context, ListStatusListener status)
            throws IOException {
        List<String> lines = run(context);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("ERROR " + REDIS);
        assertThat(lines.get(1)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(lines.get(4)).startsWith("    docs: ").endsWith(" [kb.id=database/redis-bgsave-fork-error]");
        assertThat(lines.get(5)).isEqualTo("ERROR " + REFUSED + " [kb.id=]");
        long network = KnowledgeBase.bundled().entries().stream().filter(e -> "network".equals(e.domain())).count();
        long tls = KnowledgeBase.bundled().entries().stream().filter(e -> "tls".equals(e.domain())).count();
        assertThat(infos(status)).contains("known-errors: " + (KnowledgeBase.bundled().entries().size() - network - tls)
                + " entries in use, " + (network + tls) + " left out (domain network: " + network + "; domain tls: " + tls
                + "), 0 problems");
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyFiltersTest-minimum-confidence.xml")
    void entries_below_the_minimum_confidence_are_not_diagnosed(LoggerContext context, ListStatusListener status)
            throws IOException {
        List<String> lines = run(context);
        assertThat(lines.get(0)).isEqualTo("ERROR " + REDIS + " [kb.id=]");
        assertThat(lines.get(1)).isEqualTo("ERROR " + REFUSED);
        assertThat(lines.get(2)).startsWith("  \u2691 known error network/connection-refused \u2014 ");
        assertThat(lines.get(lines.size() - 1)).endsWith(" [kb.id=network/connection-refused]");
        assertThat(infos(status)).anySatisfy(s -> assertThat(s).matches(
                "known-errors: \\d+ entries in use, \\d+ left out \\(confidence below 0\\.9: \\d+\\), 0 problems"));
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    void a_minimum_confidence_outside_zero_to_one_is_reported_and_every_entry_kept(ListStatusListener status) {
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().setMinimumConfidence(1.5).build();
        LogEvent out = policy.rewrite(Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage(REDIS)).build());
        assertThat(status.findStatusData(Level.ERROR)).extracting(s -> s.getMessage().getFormattedMessage())
                .containsExactly("known-errors: minimumConfidence must be between 0 and 1, was 1.5; using 0 (every entry)");
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
    }
}
