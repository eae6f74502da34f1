package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.TempLoggingDir;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeat suppression through real log4j2.xml files and a real File appender behind Rewrite. */
@UsingStatusListener
class DiagnosingRewritePolicyRepeatTest {

    static final String MESSAGE = "Could not reach the inventory service";
    static final String ID = "network/connection-refused";
    static final String HEADER = "  \u2691 known error " + ID + " \u2014 ";
    static final String FIELD = " [kb.id=" + ID + "]";

    @TempLoggingDir
    Path loggingPath;

    private List<String> run(LoggerContext context, ListStatusListener status, int errors, long pauseAfterSecondMillis)
            throws IOException, InterruptedException {
        Logger logger = context.getLogger("inventory.Client");
        ConnectException refused = new ConnectException("Connection refused");
        for (int i = 1; i <= errors; i++) {
            logger.error(MESSAGE, refused);
            logger.warn("Slow response from backend: {} ms", i);
            if (i == 2 && pauseAfterSecondMillis > 0) {
                Thread.sleep(pauseAfterSecondMillis);
            }
        }
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
        return Files.readAllLines(loggingPath.resolve("app.log"), StandardCharsets.UTF_8);
    }

    static String reference(long seen, String window) {
        return String.format(Locale.ROOT, "  \u2691 known error %s (seen %,d times in the last %s; details above)", ID, seen,
                window);
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyRepeatTest-default.xml")
    void repeated_error_prints_the_full_block_once_per_window_and_a_counted_reference_after(LoggerContext context,
            ListStatusListener status) throws Exception {
        List<String> lines = run(context, status, 3_000, 0);

        assertThat(lines).filteredOn(l -> l.startsWith(HEADER)).hasSize(1);
        assertThat(lines.subList(0, 6)).satisfiesExactly(
                l -> assertThat(l).isEqualTo("ERROR " + MESSAGE),
                l -> assertThat(l).startsWith(HEADER),
                l -> assertThat(l).startsWith("    try: "),
                l -> assertThat(l).startsWith("    don't: "),
                l -> assertThat(l).startsWith("    docs: ").endsWith(FIELD),
                l -> assertThat(l).isEqualTo("WARN Slow response from backend: 1 ms [kb.id=]"));
        List<String> references = lines.stream().filter(l -> l.contains("(seen ")).toList();
        assertThat(references).containsExactlyElementsOf(
                IntStream.rangeClosed(2, 3_000).mapToObj(n -> reference(n, "60 s") + FIELD).toList());
        assertThat(references.get(1_202)).isEqualTo(
                "  \u2691 known error " + ID + " (seen 1,204 times in the last 60 s; details above)" + FIELD);
        assertThat(lines).filteredOn(l -> l.startsWith("ERROR ")).hasSize(3_000).allSatisfy(l -> assertThat(l).isEqualTo("ERROR " + MESSAGE));
        assertThat(lines).filteredOn(l -> l.startsWith("WARN ")).hasSize(3_000).allSatisfy(l -> assertThat(l).endsWith(" [kb.id=]"));
        assertThat(lines).hasSize(5 + 2 * 2_999 + 3_000);
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyRepeatTest-zero.xml")
    void a_zero_repeat_window_prints_the_full_block_for_every_event(LoggerContext context, ListStatusListener status)
            throws Exception {
        List<String> lines = run(context, status, 50, 0);
        assertThat(lines).filteredOn(l -> l.startsWith(HEADER)).hasSize(50);
        assertThat(lines).noneMatch(l -> l.contains("(seen "));
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyRepeatTest-one-second.xml")
    void the_full_block_comes_back_once_the_window_has_passed(LoggerContext context, ListStatusListener status)
            throws Exception {
        List<String> lines = run(context, status, 4, 1_100);
        assertThat(lines).filteredOn(l -> l.startsWith(HEADER) || l.contains("(seen ")).satisfiesExactly(
                l -> assertThat(l).startsWith(HEADER),
                l -> assertThat(l).isEqualTo(reference(2, "1 s") + FIELD),
                l -> assertThat(l).startsWith(HEADER), // 1.1 s later: a new window
                l -> assertThat(l).isEqualTo(reference(2, "1 s") + FIELD));
    }

    @Test
    void a_repeat_window_that_is_not_a_duration_is_reported_and_the_default_kept(ListStatusListener status) {
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().setRepeatWindow("soon").build();
        List<LogEvent> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(policy.rewrite(Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.ERROR)
                    .setMessage(new SimpleMessage(MESSAGE)).setThrown(new ConnectException("Connection refused")).build()));
        }
        assertThat(status.findStatusData(Level.ERROR)).extracting(s -> s.getMessage().getFormattedMessage())
                .containsExactly("known-errors: repeatWindow 'soon' is not a duration (e.g. 60 seconds, 60s, 500 ms,"
                        + " 5 minutes, PT1M; 0 turns repeat suppression off); using 60 seconds");
        assertThat(out).extracting(e -> e.getMessage().getFormattedMessage()).satisfiesExactly(
                m -> assertThat(m).startsWith(MESSAGE + "\n" + HEADER),
                m -> assertThat(m).isEqualTo(MESSAGE + "\n" + reference(2, "60 s")),
                m -> assertThat(m).isEqualTo(MESSAGE + "\n" + reference(3, "60 s")));
        assertThat(out).allSatisfy(e -> assertThat(e.getContextData().<String>getValue("kb.id")).isEqualTo(ID));
    }
}
