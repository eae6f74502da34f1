package dev.knownerrors.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.knownerrors.cli.Cli.REDIS_ID;
import static dev.knownerrors.cli.Cli.REDIS_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** --exclude-domains and --min-confidence in scan and explain, with the real bundled KB. */
class KbFilterOptionsTest {

    static final String SAMPLE = SampleLogScanTest.SAMPLE;
    static final String REFUSED = "java.net.ConnectException: Connection refused";

    private static List<String> scanJsonl(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--format", "jsonl"));
        args.addAll(List.of(options));
        args.add(SAMPLE);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> found = new ArrayList<>();
        for (String line : r.outLines()) {
            Map<String, Object> o = JsonLine.parse(line);
            found.add(o.get("line") + " " + o.get("id") + " " + o.get("confidence"));
        }
        return found;
    }

    @Test
    void scan_with_excluded_domains_leaves_their_errors_undiagnosed() throws IOException {
        assertThat(scanJsonl("--exclude-domains", "network,tls")).containsExactly(
                "12 database/redis-bgsave-fork-error 0.86",
                "15 database/pgjdbc-connection-refused 0.92",
                "44 messaging/kafka-topic-not-present-in-metadata 0.88",
                "48 serialization/jackson-unrecognized-field 0.95",
                "65 jvm/oom-java-heap-space 0.95");
    }

    @Test
    void scan_with_a_minimum_confidence_keeps_only_the_confident_diagnoses() throws IOException {
        assertThat(scanJsonl("--min-confidence", "0.9")).containsExactly(
                "15 database/pgjdbc-connection-refused 0.92",
                "32 tls/pkix-path-building-failed 0.95",
                "48 serialization/jackson-unrecognized-field 0.95",
                "61 network/connection-refused 0.95",
                "65 jvm/oom-java-heap-space 0.95",
                "70 network/connection-refused 0.95");
        assertThat(scanJsonl("--min-confidence", "0.86")).hasSize(8).contains("12 " + REDIS_ID + " 0.86");
    }

    @Test
    void explain_honours_both_filters() {
        assertThat(Cli.run("explain", REFUSED).out()).contains("known error network/connection-refused");
        assertThat(Cli.run("explain", "--exclude-domains", "NETWORK", REFUSED).out()).isEqualTo("no known error matched\n");
        assertThat(Cli.run("explain", "--domains", "all", "--exclude-domains", "network", REFUSED).out())
                .isEqualTo("no known error matched\n");

        assertThat(Cli.run("explain", "--min-confidence", "0.86", REDIS_MESSAGE).out()).contains("known error " + REDIS_ID);
        Cli.Result filtered = Cli.run("explain", "--min-confidence", "0.87", REDIS_MESSAGE);
        assertThat(filtered.exit()).isZero();
        assertThat(filtered.out()).isEqualTo("no known error matched\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            scan --min-confidence 1.5          | known-errors scan: Invalid value for option '--min-confidence': '1.5' is not a confidence between 0 and 1
            explain --min-confidence -0.1 boom | known-errors explain: Invalid value for option '--min-confidence': '-0.1' is not a confidence between 0 and 1
            explain --min-confidence high boom | known-errors explain: Invalid value for option '--min-confidence': 'high' is not a confidence between 0 and 1
            scan --exclude-domains             | known-errors scan: Missing required parameter for option '--exclude-domains'
            """)
    void a_bad_filter_value_is_a_usage_error(String args, String message) {
        Cli.Result r = Cli.run(args.split(" "));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith(message);
    }
}
