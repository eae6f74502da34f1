package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeat suppression through real logback.xml files and a real FileAppender. */
class DiagnosingAppenderRepeatTest {

    static final String MESSAGE = "Could not reach the inventory service";
    static final String ID = "network/connection-refused";
    static final String HEADER = "  \u2691 known error " + ID + " \u2014 ";
    static final String FIELD = " [kb.id=" + ID + "]";

    @TempDir
    Path dir;

    private List<String> run(String config, int errors, long pauseAfterSecondMillis) throws IOException, InterruptedException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure(config, Map.of("logFile", log.toString()));
        Logger logger = context.getLogger("inventory.Client");
        ConnectException refused = new ConnectException("Connection refused");
        for (int i = 1; i <= errors; i++) {
            logger.error(MESSAGE, refused);
            logger.warn("Slow response from backend: {} ms", i);
            if (i == 2 && pauseAfterSecondMillis > 0) {
                Thread.sleep(pauseAfterSecondMillis);
            }
        }
        context.stop();
        Logback.assertNoWarningsOrErrors(context);
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    static String reference(long seen, String window) {
        return String.format(java.util.Locale.ROOT, "  \u2691 known error %s (seen %,d times in the last %s; details above)%s",
                ID, seen, window, FIELD);
    }

    @Test
    void repeated_error_prints_the_full_block_once_per_window_and_a_counted_reference_after() throws Exception {
        List<String> lines = run("DiagnosingAppenderRepeatTest-default.xml", 3_000, 0);

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
                IntStream.rangeClosed(2, 3_000).mapToObj(n -> reference(n, "60 s")).toList());
        assertThat(references.get(1_202)).isEqualTo(
                "  \u2691 known error " + ID + " (seen 1,204 times in the last 60 s; details above)" + FIELD);
        // every error event still has its fields; every benign one has none
        assertThat(lines).filteredOn(l -> l.startsWith("ERROR ")).hasSize(3_000).allSatisfy(l -> assertThat(l).isEqualTo("ERROR " + MESSAGE));
        assertThat(lines).filteredOn(l -> l.startsWith("WARN ")).hasSize(3_000).allSatisfy(l -> assertThat(l).endsWith(" [kb.id=]"));
        assertThat(lines).hasSize(5 + 2 * 2_999 + 3_000);
    }

    @Test
    void a_zero_repeat_window_prints_the_full_block_for_every_event() throws Exception {
        List<String> lines = run("DiagnosingAppenderRepeatTest-zero.xml", 50, 0);
        assertThat(lines).filteredOn(l -> l.startsWith(HEADER)).hasSize(50);
        assertThat(lines).noneMatch(l -> l.contains("(seen "));
    }

    @Test
    void the_full_block_comes_back_once_the_window_has_passed() throws Exception {
        List<String> lines = run("DiagnosingAppenderRepeatTest-one-second.xml", 4, 1_100);
        assertThat(lines).filteredOn(l -> l.startsWith(HEADER) || l.contains("(seen ")).satisfiesExactly(
                l -> assertThat(l).startsWith(HEADER),
                l -> assertThat(l).isEqualTo(reference(2, "1 s")),
                l -> assertThat(l).startsWith(HEADER), // 1.1 s later: a new window
                l -> assertThat(l).isEqualTo(reference(2, "1 s")));
    }

    @Test
    void a_repeat_window_that_is_not_a_duration_is_reported_and_the_default_kept() {
        LoggerContext context = Logback.newContext();
        ListAppender<ILoggingEvent> list = new ListAppender<>();
        list.setContext(context);
        list.start();
        DiagnosingAppender appender = new DiagnosingAppender();
        appender.setContext(context);
        appender.addAppender(list);
        appender.setRepeatWindow("soon");
        appender.start();
        Logger logger = context.getLogger("app");
        for (int i = 0; i < 3; i++) {
            appender.doAppend(new ch.qos.logback.classic.spi.LoggingEvent(Logger.class.getName(), logger,
                    ch.qos.logback.classic.Level.ERROR, MESSAGE, new ConnectException("Connection refused"), null));
        }
        assertThat(Logback.statuses(context, Status.ERROR)).singleElement().satisfies(s -> assertThat(s.getMessage())
                .isEqualTo("known-errors: repeatWindow 'soon' is not a duration (e.g. 60 seconds, 60s, 500 ms, 5 minutes,"
                        + " PT1M; 0 turns repeat suppression off); using 60 seconds"));
        assertThat(list.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                m -> assertThat(m).startsWith(MESSAGE + "\n" + HEADER),
                m -> assertThat(m).isEqualTo(MESSAGE + "\n" + reference(2, "60 s").replace(FIELD, "")),
                m -> assertThat(m).isEqualTo(MESSAGE + "\n" + reference(3, "60 s").replace(FIELD, "")));
        assertThat(list.list).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("kb.id", ID));
    }
}
