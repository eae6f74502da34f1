package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A hostile message meets a catastrophic regex through a real logback.xml: the event is
 * written undiagnosed at once, the overrun and the quarantine are each reported once through
 * the status manager, and the rest of the KB keeps working. Unbounded, each of these events
 * would take minutes; the timeout is only a safety net.
 */
class DiagnosingAppenderTimeBudgetTest {

    /** Passes the prefilter (its literals occur in order), then (.*a){12}x backtracks exponentially: no x right after an a. */
    static final String HOSTILE = "Lock wait timeout for user " + "a".repeat(40) + " - no fix";

    @Test
    void hostile_messages_are_written_undiagnosed_and_the_slow_entry_is_quarantined_once(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosingAppenderTimeBudgetTest-file.xml",
                Map.of("logFile", log.toString()));
        Logger logger = context.getLogger("db");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 6; i++) {
                logger.error(HOSTILE);
            }
            logger.error("Could not reach the inventory service", new ConnectException("Connection refused"));
        });
        context.stop();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, 6)).allSatisfy(l -> assertThat(l).isEqualTo("ERROR " + HOSTILE + " [kb.id=]"));
        assertThat(lines.get(6)).isEqualTo("ERROR Could not reach the inventory service");
        assertThat(lines.get(lines.size() - 1)).endsWith("[kb.id=test/connection-refused]");

        List<String> warnings = Logback.statuses(context, Status.WARN).stream().map(Status::getMessage).toList();
        assertThat(warnings).filteredOn(m -> m.contains("used up its matching time budget")).singleElement()
                .satisfies(m -> assertThat(m).contains("(1 ms").contains("'test/nested-any'"));
        assertThat(warnings).filteredOn(m -> m.contains("quarantined: ")).singleElement()
                .satisfies(m -> assertThat(m).contains("'test/nested-any'").contains("redos.json"));
        assertThat(warnings).hasSize(2);
    }

    @Test
    void an_unreadable_time_budget_is_reported_and_the_default_is_used(@TempDir Path dir) {
        LoggerContext context = Logback.newContext();
        DiagnosingAppender appender = new DiagnosingAppender();
        appender.setContext(context);
        appender.setTimeBudget("fast please");
        appender.setBundled(true);
        RecordingAppender target = new RecordingAppender();
        target.setContext(context);
        target.start();
        appender.addAppender(target);
        appender.start();

        assertThat(appender.isStarted()).isTrue();
        assertThat(Logback.statuses(context, Status.ERROR)).singleElement().satisfies(s -> assertThat(s.getMessage())
                .contains("timeBudget").contains("'fast please' is not a duration").contains("using 1 ms"));
    }
}
