package dev.knownerrors.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-24T03:15:02.118Z ERROR 4242 --- [orders] main : boom              | 2026-11-24T03:15:02.118Z | true
            2024-05-01 12:00:02.000 ERROR [http-1] c.e.Client - failed                | 2024-05-01T12:00:02Z     | false
            2024-05-01 12:00:02,345 WARN  main - Logback ISO8601                       | 2024-05-01T12:00:02.345Z | false
            2024-05-01T14:00:02.5+02:00 ERROR offset                                   | 2024-05-01T12:00:02.500Z | true
            2024-05-01 14:00:02.123456789 +0200 ERROR nanos and compact offset         | 2024-05-01T12:00:02.123Z | true
            [main] 2024-05-01 12:00:02 ERROR a timestamp after a prefix                | 2024-05-01T12:00:02Z     | false
            {"@timestamp":"2024-05-01T12:00:02.001Z","level":"ERROR"}                  | 2024-05-01T12:00:02.001Z | true
            """)
    void theFirstIsoTimestampNearTheStartOfALineIsFound(String line, String instant, boolean zoned) {
        assertThat(Timestamps.find(line)).isEqualTo(new Timestamps.Stamp(Instant.parse(instant).toEpochMilli(), zoned));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            12:00:02.000 ERROR a time without a date
            1:M 24 Nov 2026 03:15:02.117 # Redis server log
            2024-13-45 12:00:02 ERROR not a date
            2024-05-01 25:61:00 ERROR not a time
            12024-05-01 12:00:02 ERROR five digit year
            """)
    void aLineWithoutAValidIsoTimestampHasNone(String line) {
        assertThat(Timestamps.find(line)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "100", "120"})
    void onlyTheFirstCharactersAreSearched(int prefix) {
        String line = "x".repeat(prefix) + " 2024-05-01 12:00:02 ERROR";
        assertThat(Timestamps.find(line) != null).isEqualTo(prefix + 1 <= Timestamps.SEARCH_CHARS);
    }
}
