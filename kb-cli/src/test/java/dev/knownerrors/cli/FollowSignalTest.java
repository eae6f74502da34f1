package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Ctrl-C: a real SIGINT to {@code scan --follow} in its own JVM ends it cleanly, with the summary. */
class FollowSignalTest {

    @TempDir
    Path dir;

    @Test
    void sigintStopsFollowingAndPrintsTheSummaryBeforeTheJvmExits() throws IOException, InterruptedException {
        Path log = Cli.write(dir.resolve("app.log"), FollowTest.INFO + FollowTest.REFUSED);
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Jvm.command("scan", "--no-bundled", "--kb", Cli.SEED_KB, "--kb",
                Cli.write(dir.resolve("kb.json"), Cli.TEST_KB).toString(), "--follow", log.toString()))
                .redirectError(stderr.toFile()).start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out));
        reader.start();
        try {
            await(out, log + ":2:", p);
            Files.writeString(log, "12:00:04 WARN redis: " + Cli.REDIS_MESSAGE + "\n", StandardOpenOption.APPEND);
            await(out, log + ":5:", p);

            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();

            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGINT").isTrue();
            reader.join(10_000);
            assertThat(p.exitValue()).as("128 + SIGINT").isEqualTo(130);
            assertThat(out.toString()).endsWith(String.join("\n",
                    "count  known error                       first  last  title",
                    "    1  database/redis-bgsave-fork-error      5     5  Can't save in background: fork: Cannot allocate memory",
                    "    1  network/connection-refused            2     2  java.net.ConnectException: Connection refused",
                    "3 events scanned, 2 diagnosed, 2 known errors", ""));
            assertThat(stderr).isEmptyFile();
        } finally {
            p.destroyForcibly();
        }
    }

    private static void await(StringBuffer out, String text, Process p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().contains(text)) {
            if (System.nanoTime() > end || !p.isAlive()) {
                fail("'" + text + "' not seen; stdout:\n" + out);
            }
            Thread.sleep(20);
        }
    }

    private static void copy(InputStream in, StringBuffer out) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) > 0) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            out.append("\n[read failed: ").append(e).append(']');
        }
    }
}
