package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {

    static final String GOOD = """
            {"id": "test/good", "regex": "disk (is )?full", "root_cause": "No space left.",
             "examples": ["disk is full", "DISK FULL"], "counter_examples": ["disk is fine"]}
            """;

    @TempDir
    Path dir;

    @Test
    void lintReportsEveryProblemNamingFileEntryAndFieldAndExitsOne() throws IOException {
        Path good = Cli.write(dir.resolve("kb/good.json"), GOOD);
        Path malformed = Cli.write(dir.resolve("kb/malformed.json"), "{\"id\": \"test/half\", \"regex\": ");
        Path badRegex = Cli.write(dir.resolve("kb/bad-regex.json"), """
                [
                  {"id": "test/bad-regex", "regex": "connection (refused", "root_cause": "x"},
                  {"id": "test/wrong-example", "regex": "timed out", "examples": ["took too long"]}
                ]
                """);

        Cli.Result r = Cli.run("lint", dir.resolve("kb").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.outLines()).satisfiesExactly(
                l -> assertThat(l).startsWith(badRegex + ": entry 'test/bad-regex': field 'regex': invalid: "),
                l -> assertThat(l).startsWith(malformed + ": malformed JSON at line 1"),
                l -> assertThat(l).isEqualTo(
                        badRegex + ": entry 'test/wrong-example': field 'examples': not matched: took too long"),
                l -> assertThat(l).isEqualTo("2 entries loaded, 3 problems"));
        assertThat(r.out()).doesNotContain(good.toString());
    }

    @Test
    void lintOfACleanFileExitsZero() throws IOException {
        Path good = Cli.write(dir.resolve("good.json"), GOOD);

        Cli.Result r = Cli.run("lint", good.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("1 entry loaded, 0 problems\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void lintChecksOnlyTheGivenLocationsNotTheBundledKb() throws IOException {
        Path good = Cli.write(dir.resolve("good.json"), GOOD);

        assertThat(Cli.run("lint", "--no-bundled", good.toString()).out()).isEqualTo("1 entry loaded, 0 problems\n");
        assertThat(Cli.run("lint", Cli.SEED_KB).out()).isEqualTo("1 entry loaded, 0 problems\n");
    }

    @Test
    void lintReportsAMissingLocation() {
        Cli.Result r = Cli.run("lint", dir.resolve("missing").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                dir.resolve("missing") + ": no such file or directory", "0 entries loaded, 1 problem");
    }
}
