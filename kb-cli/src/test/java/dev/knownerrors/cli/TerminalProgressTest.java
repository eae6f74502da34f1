package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --progress=auto} in a real pseudo-terminal: util-linux's {@code script} runs the CLI in a
 * separate JVM with its stderr on a pty; the same command with stderr on a pipe shows nothing.
 */
class TerminalProgressTest {

    static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path dir;

    @Test
    void autoDrawsTheLineOnATerminalStderrAndNothingOnAPipe() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) is not installed");
        Path log = Cli.write(dir.resolve("app.log"), ScanCommandTest.LOG.repeat(200));
        Path jsonl = dir.resolve("out.jsonl");
        List<String> scan = Jvm.command("scan", "--no-bundled", "--kb", Cli.SEED_KB, "--format", "jsonl", log.toString());

        ProcessBuilder inTerminal = new ProcessBuilder(SCRIPT.toString(), "-qefc",
                Jvm.shell(scan) + " > '" + jsonl + "'", "/dev/null").redirectErrorStream(true);
        inTerminal.environment().put("TERM", "xterm");
        Output terminal = run(inTerminal);

        assertThat(terminal.exit()).isZero();
        assertThat(Files.readAllLines(jsonl)).hasSize(200).allSatisfy(l -> assertThat(l).contains("redis-bgsave-fork-error"));
        List<String> frames = new ArrayList<>();
        for (String frame : terminal.text().split("\r")) {
            if (!frame.isBlank()) {
                frames.add(frame.strip());
            }
        }
        assertThat(frames).isNotEmpty().allSatisfy(f -> assertThat(f)
                .matches("scanning \u2026[^:]*app\\.log: [0-9.]+ k?B of [0-9.]+ kB \\(\\d+ %\\), [0-9,]+ lines?, [0-9,]+ diagnosed"));
        assertThat(terminal.text()).startsWith("\rscanning ").endsWith("\r").doesNotContain("\n");

        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder onPipe = new ProcessBuilder(scan).redirectError(stderr.toFile());
        onPipe.environment().put("TERM", "xterm");
        Output pipe = run(onPipe);
        assertThat(pipe.exit()).isZero();
        assertThat(pipe.text()).hasLineCount(200);
        assertThat(stderr).isEmptyFile();
    }

    record Output(int exit, String text) {
    }

    /** Runs to the end, reading its stdout. */
    static Output run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Output(p.exitValue(), text);
    }
}
