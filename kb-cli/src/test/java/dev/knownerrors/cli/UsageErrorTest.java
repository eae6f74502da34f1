package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UsageErrorTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            scan --bogus                       | known-errors scan: Unknown option: '--bogus'
            scan --min-level LOUD              | known-errors scan: Invalid value for option '--min-level': unknown level 'LOUD'
            scan --format xml                  | known-errors scan: Invalid value for option '--format': unknown format 'xml' (expected text, jsonl or html)
            explain --format html boom         | known-errors explain: Invalid value for option '--format': unknown format 'html' (expected text or jsonl)
            scan --progress sometimes          | known-errors scan: Invalid value for option '--progress': unknown mode 'sometimes' (expected auto, always or never)
            explain --color pink boom          | known-errors explain: Invalid value for option '--color': unknown value 'pink' (expected auto, always or never)
            scan --follow                      | known-errors scan: --follow takes one FILE (not stdin) and the text or jsonl format
            scan --follow a.log b.log          | known-errors scan: --follow takes one FILE (not stdin) and the text or jsonl format
            scan --follow --format html a.log  | known-errors scan: --follow takes one FILE (not stdin) and the text or jsonl format
            scan --min-level                   | known-errors scan: Missing required parameter for option '--min-level'
            explain --locale fr boom           | known-errors explain: Invalid value for option '--locale': unknown locale 'fr' (expected en or zh)
            explain                            | known-errors explain: Missing required parameter: 'MESSAGE'
            lint                               | known-errors lint: Missing required parameter: 'LOCATION'
            frobnicate                         | known-errors: Unmatched argument at index 0: 'frobnicate'
            ''                                 | known-errors: missing command: scan, explain or lint
            """)
    void aUsageErrorExitsTwoWithOneLineOnStderr(String args, String message) {
        Cli.Result r = Cli.run(args.isBlank() ? new String[0] : args.split(" "));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith(message);
    }

    @Test
    void aMissingLogFileExitsTwoWithOneLineAndNoOutput() {
        Path missing = dir.resolve("missing.log");

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", Cli.SEED_KB, missing.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("known-errors: cannot read " + missing + ": no such file");
    }

    @Test
    void aDirectoryGivenAsLogFileExitsTwo() {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", Cli.SEED_KB, dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("known-errors: cannot read " + dir + ": is a directory");
    }

    @Test
    void helpAndVersionExitZero() {
        Cli.Result help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: known-errors").contains("scan", "explain", "lint");

        Cli.Result scanHelp = Cli.run("scan", "--help");
        assertThat(scanHelp.exit()).isZero();
        assertThat(scanHelp.out()).contains("--min-level=LEVEL", "--format=text|jsonl|html", "--kb=LOCATION", "--no-bundled",
                "--locale=en|zh", "--ascii", "--progress=auto|always|never", "-f, --follow", "--color=auto|always|never");

        Cli.Result version = Cli.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("known-errors ");
    }
}
