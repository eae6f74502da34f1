package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogEventReaderTest {

    @Test
    void continuationLinesJoinTheEventAndStackFramesAreLeftOutOfItsText() throws IOException {
        List<LogEvent> events = read(String.join("\n",
                "10:00 ERROR request failed",
                "java.lang.IllegalStateException: outer",
                "\tat a.B.c(B.java:1)",
                "    at a.B.d(B.java:2)",
                "Caused by: java.io.IOException: inner",
                "\t... 4 more",
                "Suppressed: java.lang.RuntimeException: also",
                "\t\t... 12 common frames omitted",
                "... 3 more",
                "",
                "  indented message part",
                "10:01 INFO next"), 8192);

        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 12L);
        assertThat(events.get(0).text()).isEqualTo(String.join("\n",
                "10:00 ERROR request failed",
                "java.lang.IllegalStateException: outer",
                "Caused by: java.io.IOException: inner",
                "Suppressed: java.lang.RuntimeException: also",
                "  indented message part"));
        assertThat(events.get(1).text()).isEqualTo("10:01 INFO next");
    }

    @Test
    void anUnindentedStackTraceHeaderBelongsToTheEventAboveIt() throws IOException {
        List<LogEvent> events = read(String.join("\n",
                "10:00 ERROR job crashed",
                "java.lang.OutOfMemoryError: Java heap space",
                "10:01 ERROR wrapped",
                "org.springframework.dao.DataAccessResourceFailureException",
                "\tat a.B.c(B.java:1)",
                "Exception in thread \"main\" java.lang.IllegalStateException: boom",
                "com.example.Service: started"), 8192);

        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 3L, 6L, 7L);
        assertThat(events.get(0).text()).isEqualTo("10:00 ERROR job crashed\njava.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void crLfBomAndLeadingBlankLinesAreHandled() throws IOException {
        List<LogEvent> events = read("\uFEFF\r\n\r\nWARN one\r\n\tdetail\r\nERROR two\rINFO three", 8192);

        assertThat(events).extracting(LogEvent::line).containsExactly(3L, 5L, 6L);
        assertThat(events).extracting(LogEvent::firstLine).containsExactly("WARN one", "ERROR two", "INFO three");
        assertThat(events.get(0).text()).isEqualTo("WARN one\n\tdetail");
    }

    @Test
    void theTextOfAnEventStopsGrowingAtTheLimitButItsLinesAreStillCounted() throws IOException {
        StringBuilder log = new StringBuilder("ERROR " + "y".repeat(100_000) + "\n");
        for (int i = 0; i < 1000; i++) {
            log.append("  continuation ").append(i).append('\n');
        }
        log.append("INFO after\n");

        List<LogEvent> events = read(log.toString(), 50);

        assertThat(events.get(0).firstLine()).hasSize(50);
        assertThat(events.get(0).text()).hasSize(50);
        assertThat(events.get(1).line()).isEqualTo(1002L);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            2024-05-01 12:00:00 INFO  c.e.App - no error here        | INFO
            2024-05-01 12:00:00 [WARNING] disk almost full           | WARN
            SEVERE: java.lang.NullPointerException                   | ERROR
            FATAL boom                                               | ERROR
            2024/05/01 12:00:00 [error] 42#0: connect() failed       | ERROR
            time=12:00 level=warn msg="slow"                         | WARN
            {"level":"debug","msg":"x"}                              | DEBUG
            12:00 TRACE entering                                     | TRACE
            1234:M 01 May 2024 # Can't save in background            | none
            an error happened, no level word                         | none
            SQL_ERROR_CODE 42                                        | none
            """)
    void theLevelIsTheFirstLevelWordOfTheFirstLine(String line, String level) {
        assertThat(LogLevel.find(line)).isEqualTo(level == null ? null : LogLevel.valueOf(level));
    }

    private static List<LogEvent> read(String log, int max) throws IOException {
        LogEventReader reader = new LogEventReader(new LineReader(new StringReader(log), max), max);
        List<LogEvent> events = new ArrayList<>();
        LogEvent e;
        while ((e = reader.next()) != null) {
            events.add(e);
        }
        return events;
    }
}
