package dev.knownerrors.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main job: the shipped sample log scanned with the real bundled KB. Every real
 * failure in it is diagnosed as the root cause (not the wrapper), and the benign look-alikes
 * (Redis "Background saving started", HikariPool "Added connection", Kafka retries) are not.
 */
class SampleLogScanTest {

    static final String SAMPLE = "../examples/sample/app.log";

    @Test
    void sampleLogGivesExactlyTheExpectedDiagnoses() throws IOException {
        Cli.Result r = Cli.run("scan", "--format", "jsonl", SAMPLE);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> found = new ArrayList<>();
        for (String line : r.outLines()) {
            found.add(field(line, "line") + " " + field(line, "id"));
        }
        assertThat(found).containsExactly(
                "12 database/redis-bgsave-fork-error",
                "15 database/pgjdbc-connection-refused",
                "32 tls/pkix-path-building-failed",
                "44 messaging/kafka-topic-not-present-in-metadata",
                "48 serialization/jackson-unrecognized-field",
                "56 network/connection-reset",
                "61 network/connection-refused",
                "65 jvm/oom-java-heap-space",
                "70 network/connection-refused");
    }

    @Test
    void textScanOfTheSampleLogEndsWithTheSummary() {
        Cli.Result r = Cli.run("scan", SAMPLE);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("    2  network/connection-refused ")
                .endsWith("28 events scanned, 9 diagnosed, 8 known errors\n");
    }

    @Test
    void theSummaryShownInTheReadmeIsTheRealOutput() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf(readme.stream().filter(l -> l.startsWith("count  known error")).findFirst().orElseThrow());
        int to = readme.indexOf("28 events scanned, 9 diagnosed, 8 known errors");
        assertThat(to).isGreaterThan(from);

        List<String> out = Cli.run("scan", SAMPLE).outLines();
        assertThat(out.subList(out.size() - (to - from + 1), out.size())).isEqualTo(readme.subList(from, to + 1));
    }

    private static String field(String json, String name) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals(name)) {
                    p.nextToken();
                    return p.getText();
                }
            }
        }
        throw new AssertionError("no field " + name + " in " + json);
    }
}
