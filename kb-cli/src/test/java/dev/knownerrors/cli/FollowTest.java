package dev.knownerrors.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code scan --follow}: the real command and its real polling loop in a thread, a real file that
 * the test appends to, truncates and rotates while it runs; interrupting the thread stops it the
 * way Ctrl-C does (see {@link FollowSignalTest} for the signal itself).
 */
class FollowTest {

    static final String REFUSED = "2024-05-01 12:00:02.000 ERROR [http-1] c.e.Client - Request failed\n"
            + "java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n";
    static final String HEAP = "2024-05-01 12:00:05.000 ERROR [worker-2] c.e.Job - Job crashed\n"
            + "java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n";
    static final String INFO = "2024-05-01 12:00:03.000 INFO  [main] c.e.App - Retrying in 5s\n";

    @TempDir
    Path dir;
    String kb;
    Path log;

    @BeforeEach
    void files() throws IOException {
        kb = Cli.write(dir.resolve("kb/test.json"), Cli.TEST_KB).toString();
        log = Cli.write(dir.resolve("app.log"), INFO + REFUSED);
    }

    @Test
    void appendedEventsAreDiagnosedAsTheyComeAndStoppingPrintsTheSummary() throws Exception {
        try (Following f = Following.start("scan", "--no-bundled", "--kb", kb, "--follow", log.toString())) {
            f.awaitOut(out -> out.contains(log + ":2: 2024-05-01 12:00:02.000 ERROR"));

            append(INFO + HEAP); // the last event of the file: handed over once the file is quiet
            f.awaitOut(out -> out.contains(log + ":6: 2024-05-01 12:00:05.000 ERROR [worker-2]"));
            assertThat(f.out()).contains("  \u2691 known error jvm/heap-space");

            append("2024-05-01 12:00:06.000 WARN [probe] c.e.H - java.net.ConnectEx"); // a line being written
            Thread.sleep(4 * Follower.QUIET_MILLIS);
            assertThat(f.out()).doesNotContain(log + ":9:");
            append("ception: Connection refused\n");
            f.awaitOut(out -> out.contains(log + ":9: 2024-05-01 12:00:06.000 WARN [probe] c.e.H - "
                    + "java.net.ConnectException: Connection refused"));

            Cli.Result r = f.stop();
            assertThat(r.exit()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.outLines()).endsWith(
                    "count  known error                 first  last  title",
                    "    2  network/connection-refused      2     9  java.net.ConnectException: Connection refused",
                    "    1  jvm/heap-space                  6     6  java.lang.OutOfMemoryError: Java heap space",
                    "5 events scanned, 3 diagnosed, 2 known errors");
        }
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsFirstLine() throws Exception {
        append((INFO + INFO + REFUSED).repeat(3));
        try (Following f = Following.start("scan", "--no-bundled", "--kb", kb, "--format", "jsonl", "--follow", log.toString())) {
            f.awaitOut(out -> out.lines().count() == 4);

            Files.writeString(log, HEAP, StandardCharsets.UTF_8); // truncates, then writes less than was there

            f.awaitOut(out -> out.lines().count() == 5);
            List<String> lines = f.stop().outLines();
            assertThat(lines.get(4)).startsWith("{\"line\":1,\"level\":\"ERROR\",\"id\":\"jvm/heap-space\"");
            assertThat(lines.subList(0, 4)).extracting(l -> l.substring(0, l.indexOf(",\"level\"")))
                    .containsExactly("{\"line\":2", "{\"line\":7", "{\"line\":12", "{\"line\":17");
        }
    }

    @Test
    void aRotatedFileIsReadToItsEndThenTheNewFileFromItsFirstLine() throws Exception {
        try (Following f = Following.start("scan", "--no-bundled", "--kb", kb, "--follow", log.toString())) {
            f.awaitOut(out -> out.contains(log + ":2:"));

            append(HEAP);
            Files.move(log, dir.resolve("app.log.1"));
            Cli.write(log, REFUSED + INFO + INFO + HEAP);

            f.awaitOut(out -> out.contains(log + ":6:"));
            Cli.Result r = f.stop();
            assertThat(r.outLines()).filteredOn(l -> l.startsWith(log + ":")).extracting(l -> l.substring(0, l.indexOf(" ")))
                    .containsExactly(log + ":2:", log + ":5:", log + ":1:", log + ":6:");
            assertThat(r.out()).endsWith("7 events scanned, 4 diagnosed, 2 known errors\n");
        }
    }

    void append(String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The CLI running in its own thread, output readable while it runs. */
    static final class Following implements AutoCloseable {
        private static final long TIMEOUT_MILLIS = 20_000;
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final AtomicInteger exit = new AtomicInteger(-1);
        private final Thread thread;

        private Following(String... args) {
            thread = new Thread(() -> exit.set(KnownErrorsCommand.commandLine(new ByteArrayInputStream(new byte[0]))
                    .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args)), "follow-under-test");
        }

        static Following start(String... args) {
            Following f = new Following(args);
            f.thread.start();
            return f;
        }

        String out() {
            return out.toString();
        }

        void awaitOut(Predicate<String> condition) throws InterruptedException {
            long end = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
            while (!condition.test(out.toString())) {
                if (System.nanoTime() > end || !thread.isAlive()) {
                    fail("not seen in " + TIMEOUT_MILLIS + " ms (running: " + thread.isAlive() + "); stdout:\n" + out
                            + "\nstderr:\n" + err);
                }
                Thread.sleep(20);
            }
        }

        /** Interrupts the command, as Ctrl-C's shutdown hook does, and waits for it to return. */
        Cli.Result stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TIMEOUT_MILLIS);
            assertThat(thread.isAlive()).as("stopped").isFalse();
            return new Cli.Result(exit.get(), out.toString(), err.toString());
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TIMEOUT_MILLIS);
            }
        }
    }
}
