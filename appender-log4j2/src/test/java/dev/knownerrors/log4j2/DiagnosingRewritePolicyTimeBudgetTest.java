package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.core.test.junit.Named;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A hostile message meets a catastrophic regex through a real log4j2.xml: the event is
 * delivered undiagnosed at once, the overrun and the quarantine are each reported once through
 * the StatusLogger, and the rest of the KB keeps working. Unbounded, each of these events would
 * take minutes; the timeout is only a safety net.
 */
@UsingStatusListener
class DiagnosingRewritePolicyTimeBudgetTest {

    /** Passes the prefilter (its literals occur in order), then (.*a){12}x backtracks exponentially: no x right after an a. */
    static final String HOSTILE = "Lock wait timeout for user " + "a".repeat(40) + " - no fix";

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyTimeBudgetTest-list.xml")
    void hostile_messages_are_delivered_undiagnosed_and_the_slow_entry_is_quarantined_once(LoggerContext context,
            @Named("List") ListAppender list, ListStatusListener status) {
        var logger = context.getLogger("db");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 6; i++) {
                logger.error(HOSTILE);
            }
            logger.error("Could not reach the inventory service", new ConnectException("Connection refused"));
        });

        List<String> messages = list.getMessages();
        assertThat(messages).hasSize(7);
        assertThat(messages.subList(0, 6)).allSatisfy(m -> assertThat(m).isEqualTo(HOSTILE + " [kb.id=]"));
        assertThat(messages.get(6)).endsWith("[kb.id=test/connection-refused]");

        List<String> reports = status.findStatusData(Level.WARN).map(StatusData::getFormattedStatus)
                .filter(m -> m.contains("known-errors")).toList();
        assertThat(reports).filteredOn(m -> m.contains("used up its matching time budget")).singleElement()
                .satisfies(m -> assertThat(m).contains("(1 ms").contains("'test/nested-any'"));
        assertThat(reports).filteredOn(m -> m.contains("quarantined: ")).singleElement()
                .satisfies(m -> assertThat(m).contains("'test/nested-any'").contains("redos.json"));
        assertThat(reports).hasSize(2);
    }
}
