package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @TempDir
    Path dir;

    final StringWriter screen = new StringWriter();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    Progress progress(boolean sharesScreen) {
        return new Progress(new PrintWriter(screen), true, sharesScreen, nanos::get);
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void theLineIsDrawnAtOnceThenAtMostEveryQuarterSecondInPlace() {
        Progress p = progress(false);
        AtomicLong read = new AtomicLong(1_500_000);
        p.start("scanning", "app.log", () -> 6_000_000, read::get);

        p.update(1, 0);
        advanceMillis(100);
        read.set(3_000_000);
        p.update(2, 1);
        advanceMillis(149);
        p.update(3, 1);
        advanceMillis(1);
        p.update(12_345, 7);
        p.clear();

        String first = "scanning app.log: 1.5 MB of 6.0 MB (25 %), 1 line, 0 diagnosed";
        String second = "scanning app.log: 3.0 MB of 6.0 MB (50 %), 12,345 lines, 7 diagnosed";
        assertThat(screen.toString()).isEqualTo("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r");
    }

    @Test
    void aShorterLineOverwritesTheRestOfTheLongerOne() {
        Progress p = progress(false);
        p.start("scanning", "<stdin>", () -> -1, () -> 0);
        p.update(1_000_000, 10);
        advanceMillis(300);
        p.start("scanning", "b", () -> -1, () -> 0);
        p.update(1, 0);

        String longer = "scanning <stdin>: 0 B, 1,000,000 lines, 10 diagnosed";
        String shorter = "scanning b: 0 B, 1 line, 0 diagnosed";
        assertThat(screen.toString()).isEqualTo("\r" + longer + "\r" + shorter + " ".repeat(longer.length() - shorter.length()));
    }

    @Test
    void onASharedScreenTheLineStepsAsideForOutputAndComesBackUnderIt() {
        Progress p = progress(true);
        p.start("following", "app.log", () -> 2000, () -> 2000);
        p.update(10, 0);
        p.beforeOutput();
        screen.write("<diagnosis>\n");
        p.afterOutput(11, 1);

        String before = "following app.log: 2.0 kB of 2.0 kB (100 %), 10 lines, 0 diagnosed";
        assertThat(screen.toString()).isEqualTo("\r" + before + "\r" + " ".repeat(before.length()) + "\r<diagnosis>\n"
                + "\rfollowing app.log: 2.0 kB of 2.0 kB (100 %), 11 lines, 1 diagnosed");
    }

    @Test
    void offItWritesNothing() {
        Progress p = new Progress(new PrintWriter(screen), false, true, nanos::get);
        p.start("scanning", "app.log", () -> 10, () -> 5);
        p.update(1, 1);
        p.show(1, 1);
        p.beforeOutput();
        p.afterOutput(1, 1);
        p.clear();
        assertThat(screen.toString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "999, 999 B", "1000, 1.0 kB", "8192, 8.2 kB", "999949, 999.9 kB", "999960, 1.0 MB",
        "35000000, 35.0 MB", "1230000000, 1.2 GB"})
    void sizesAreShownInDecimalUnits(long bytes, String shown) {
        assertThat(Progress.size(bytes)).isEqualTo(shown);
    }

    @Test
    void alwaysDrawsOnStderrOnlyAndLeavesStdoutAsWithoutIt() throws IOException {
        Path log = Cli.write(dir.resolve("app.log"), ScanCommandTest.LOG);
        Path kb = Cli.write(dir.resolve("kb.json"), Cli.TEST_KB);

        Cli.Result with = Cli.run("scan", "--no-bundled", "--kb", kb.toString(), "--progress=always", log.toString());
        Cli.Result without = Cli.run("scan", "--no-bundled", "--kb", kb.toString(), "--progress=never", log.toString());

        assertThat(with.out()).isEqualTo(without.out()).doesNotContain("\r");
        assertThat(without.err()).isEmpty();
        String name = "\u2026" + log.toString().substring(log.toString().length() - 31);
        String size = Progress.size(java.nio.file.Files.size(log)).replace(".", "\\.");
        List<String> frames = Arrays.stream(with.err().split("\r")).filter(f -> !f.isBlank()).toList();
        assertThat(frames).isNotEmpty().allSatisfy(f -> assertThat(f.strip()).matches("scanning " + name
                + ": [0-9.]+ k?B of " + size + " \\(\\d+ %\\), [0-9,]+ lines?, \\d diagnosed"));
        assertThat(with.err()).startsWith("\r").endsWith("\r").doesNotContain("\n");
        assertThat(with.err().substring(with.err().lastIndexOf('\r', with.err().length() - 2) + 1).strip()).isEmpty();
    }

    @Test
    void autoDrawsNothingWhenStderrIsNotATerminal() throws IOException {
        Path log = Cli.write(dir.resolve("app.log"), ScanCommandTest.LOG);
        assertThat(Terminal.isTerminal(Terminal.STDERR)).as("this test's stderr is a pipe or a file").isFalse();

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", Cli.SEED_KB, log.toString());

        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/dev/pts/3, true", "/dev/tty1, true", "/dev/ttyS0, true", "/dev/console, true", "pipe:[48213], false",
        "socket:[9], false", "/dev/null, false", "/tmp/scan.err, false", "anon_inode:[eventfd], false"})
    void aDescriptorIsATerminalWhenItsProcLinkNamesATerminalDevice(String target, boolean terminal) {
        assertThat(Terminal.isTerminalDevice(target)).isEqualTo(terminal);
    }
}
