package dev.knownerrors.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.knownerrors.cli.Cli.REDIS_ID;
import static dev.knownerrors.cli.Cli.SEED_KB;
import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {

    /** A realistic log: INFO noise, stack traces with Caused by: chains, a redis line without a frame. */
    static final String LOG = String.join("\n",
            "2024-05-01 12:00:00.001 INFO  [main] c.e.App - Starting App v1.2 on host-1",                       // 1
            "2024-05-01 12:00:01.123 INFO  [main] c.e.Db - HikariPool-1 - Start completed.",                   // 2
            "2024-05-01 12:00:02.000 ERROR [http-1] c.e.Client - Request to inventory failed",                 // 3
            "org.springframework.web.client.ResourceAccessException: I/O error on GET request",                // 4
            "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:791)",               // 5
            "\tat com.example.Client.fetch(Client.java:42)",                                                   // 6
            "Caused by: java.net.ConnectException: Connection refused",                                        // 7
            "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",                                        // 8
            "\t... 12 more",                                                                                   // 9
            "2024-05-01 12:00:03.000 INFO  [main] c.e.App - Retrying in 5s",                                   // 10
            "2024-05-01 12:00:04.000 WARN  [redis] c.e.Cache - Redis says: " + Cli.REDIS_MESSAGE,              // 11
            "2024-05-01 12:00:05.000 ERROR [worker-2] c.e.Job - Job crashed",                                  // 12
            "java.lang.OutOfMemoryError: Java heap space",                                                     // 13
            "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)",                                        // 14
            "2024-05-01 12:00:06.000 ERROR [http-2] c.e.Client - Request to inventory failed",                 // 15
            "java.util.concurrent.ExecutionException: java.io.IOException: upstream",                          // 16
            "\tat java.base/java.util.concurrent.FutureTask.report(FutureTask.java:122)",                      // 17
            "Caused by: java.net.ConnectException: Connection refused",                                        // 18
            "\t... 3 more",                                                                                    // 19
            "2024-05-01 12:00:07.000 INFO  [main] c.e.Health - probe: java.net.ConnectException: Connection refused", // 20
            "");

    @TempDir
    Path dir;
    String kb;
    Path log;

    @BeforeEach
    void files() throws IOException {
        kb = Cli.write(dir.resolve("kb/test.json"), Cli.TEST_KB).toString();
        log = Cli.write(dir.resolve("app.log"), LOG);
    }

    @Test
    void scanFindsEachKnownErrorAtTheFirstLineOfItsEvent() {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", SEED_KB, log.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        // the echoed first line is sanitised to one line, runs of spaces collapsed
        List<String> headers = r.outLines().stream().filter(l -> l.startsWith(log + ":")).toList();
        assertThat(headers).containsExactly(
                log + ":3: 2024-05-01 12:00:02.000 ERROR [http-1] c.e.Client - Request to inventory failed",
                log + ":11: 2024-05-01 12:00:04.000 WARN [redis] c.e.Cache - Redis says: " + Cli.REDIS_MESSAGE,
                log + ":12: 2024-05-01 12:00:05.000 ERROR [worker-2] c.e.Job - Job crashed",
                log + ":15: 2024-05-01 12:00:06.000 ERROR [http-2] c.e.Client - Request to inventory failed",
                log + ":20: 2024-05-01 12:00:07.000 INFO [main] c.e.Health - probe: java.net.ConnectException: Connection refused");
        assertThat(r.out())
                .contains(log + ":3: 2024-05-01 12:00:02.000 ERROR [http-1] c.e.Client - Request to inventory failed\n"
                        + "  \u2691 known error network/connection-refused \u2014 Nothing listens on the target host and port.\n"
                        + "    try: Check the host and port, start the server (85 %)\n"
                        + "    don't: Raising the connect timeout \u2014 nothing answers however long you wait (fails 90 %)\n"
                        + "    docs: https://docs.oracle.com/javase/8/docs/api/java/net/ConnectException.html\n")
                .contains("  \u2691 known error " + REDIS_ID)
                .contains("  \u2691 known error jvm/heap-space");
    }

    @Test
    void summaryTableListsEachKnownErrorWithCountFirstAndLastLineAndTitle() {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", SEED_KB, log.toString());

        List<String> lines = r.outLines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("count")).findFirst().orElseThrow());
        assertThat(lines.subList(header, lines.size())).containsExactly(
                "count  known error                       first  last  title",
                "    3  network/connection-refused            3    20  java.net.ConnectException: Connection refused",
                "    1  database/redis-bgsave-fork-error     11    11  Can't save in background: fork: Cannot allocate memory",
                "    1  jvm/heap-space                       12    12  java.lang.OutOfMemoryError: Java heap space",
                "8 events scanned, 5 diagnosed, 3 known errors");
    }

    @Test
    void summaryTitlesAreCutToKeepTheTableNarrow() throws IOException {
        Path longKb = Cli.write(dir.resolve("long.json"), "{\"id\": \"t/long\", \"regex\": \"widget broke\", "
                + "\"signature\": \"widget broke " + "and then some more words ".repeat(10) + "\"}");
        Path widget = Cli.write(dir.resolve("w.log"), "ERROR widget broke\n");

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", longKb.toString(), widget.toString());

        assertThat(r.outLines()).filteredOn(l -> l.startsWith("    1  t/long")).singleElement().asString()
                .startsWith("    1  t/long           1     1  widget broke and then some more words")
                .endsWith("\u2026").hasSize(SummaryTable.WIDTH);
    }

    @Test
    void minLevelWarnSkipsAnInfoEventThatWouldMatch() {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", SEED_KB, "--min-level", "WARN", log.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain(log + ":20:").contains(log + ":11:");
        assertThat(r.outLines()).last().isEqualTo(
                "4 events scanned (4 events below WARN skipped), 4 diagnosed, 3 known errors");
    }

    @Test
    void minLevelErrorAlsoSkipsEventsWithoutALevelWord() throws IOException {
        Path redis = Cli.write(dir.resolve("redis.log"), "1234:M 01 May 2024 12:00:04.000 # " + Cli.REDIS_MESSAGE + "\n");

        assertThat(Cli.run("scan", "--no-bundled", "--kb", SEED_KB, redis.toString()).out())
                .contains(redis + ":1: 1234:M").contains("1 event scanned, 1 diagnosed, 1 known error");
        assertThat(Cli.run("scan", "--no-bundled", "--kb", SEED_KB, "--min-level", "error", redis.toString()).out())
                .isEqualTo("0 events scanned (1 event below ERROR skipped), no known error found\n");
    }

    @Test
    void jsonlHasOneObjectPerDiagnosedEventWithExactlyTheKeysInOrder() throws IOException {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", SEED_KB, "--format", "jsonl", log.toString());

        assertThat(r.exit()).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : r.outLines()) {
            objects.add(JsonLine.parse(line));
        }
        assertThat(objects).hasSize(5).allSatisfy(o -> assertThat(o.keySet()).containsExactly(
                "line", "level", "id", "domain", "confidence", "root_cause", "workaround", "dead_ends", "doc_url"));
        assertThat(objects).extracting(o -> o.get("line")).containsExactly(3, 11, 12, 15, 20);
        assertThat(objects).extracting(o -> o.get("level")).containsExactly("ERROR", "WARN", "ERROR", "ERROR", "INFO");
        Map<String, Object> first = objects.get(0);
        assertThat(first).containsEntry("id", "network/connection-refused")
                .containsEntry("domain", "network")
                .containsEntry("confidence", 0.9)
                .containsEntry("root_cause", "Nothing listens on the target host and port. Usually the server is down.")
                .containsEntry("workaround", "Check the host and port, start the server")
                .containsEntry("dead_ends", List.of(
                        "Raising the connect timeout \u2014 nothing answers however long you wait",
                        "Retrying in a loop \u2014 the port stays closed"))
                .containsEntry("doc_url", "https://docs.oracle.com/javase/8/docs/api/java/net/ConnectException.html");
        Map<String, Object> heap = objects.get(2);
        assertThat(heap).containsEntry("domain", "jvm").containsEntry("confidence", null)
                .containsEntry("dead_ends", List.of()).containsEntry("doc_url", null);
        assertThat(r.out()).doesNotContain("events scanned");
    }

    @Test
    void jsonlUsesTheChosenLocale() {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--format", "jsonl", "--locale", "zh",
                log.toString());

        assertThat(r.outLines().get(0))
                .contains("\"root_cause\":\"目标主机和端口上没有进程在监听。\"")
                .contains("\"workaround\":\"检查主机和端口，启动服务器\"")
                .contains("\"dead_ends\":[\"增加连接超时——等多久都没有回应\",\"循环重试——端口一直关闭\"]");
    }

    @Test
    void dashReadsStandardInput() {
        Cli.Result r = Cli.runWithStdin(LOG, "scan", "--no-bundled", "--kb", kb, "-");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("<stdin>:3: 2024-05-01 12:00:02.000 ERROR")
                .contains("<stdin>:15:").endsWith("8 events scanned, 4 diagnosed, 2 known errors\n");
        assertThat(Cli.runWithStdin(LOG, "scan", "--no-bundled", "--kb", kb).out()).isEqualTo(r.out());
    }

    @Test
    void severalFilesAreScannedInOrderEachWithItsOwnLineNumbers() throws IOException {
        Path other = Cli.write(dir.resolve("other.log"), "12:00 ERROR boom\njava.lang.OutOfMemoryError: Java heap space\n");

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, log.toString(), other.toString());

        assertThat(r.out()).contains(other + ":1: 12:00 ERROR boom");
        assertThat(r.outLines()).anySatisfy(row -> assertThat(row).matches(
                " {4}2  jvm/heap-space +" + java.util.regex.Pattern.quote(log + ":12") + " +"
                        + java.util.regex.Pattern.quote(other + ":1") + " +java.lang.OutOfMemoryError: .*"));
    }

    @Test
    void controlCharactersInALogLineNeverReachTheOutputRaw() throws IOException {
        Path evil = Cli.write(dir.resolve("evil.log"),
                "\u001b[31mERROR\u001b[0m \u202e java.net.ConnectException: Connection refused \u0007\u009b2J\n");

        for (String ascii : List.of("--locale=en", "--ascii")) {
            Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, ascii, evil.toString());
            assertThat(r.out()).contains("network/connection-refused")
                    .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
            assertThat(r.out().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        }
    }

    @Test
    void colorAlwaysColoursOnlyTheDiagnosisBlockWithOurOwnCodes() throws IOException {
        Path evil = Cli.write(dir.resolve("evil.log"), "\u001b[31mERROR\u001b[0m java.net.ConnectException: Connection refused\n");

        Cli.Result coloured = Cli.run("scan", "--no-bundled", "--kb", kb, "--color=always", evil.toString());
        Cli.Result plain = Cli.run("scan", "--no-bundled", "--kb", kb, "--color=never", evil.toString());

        assertThat(coloured.out()).contains(String.join("\n",
                evil + ":1: \uFFFD[31mERROR\uFFFD[0m java.net.ConnectException: Connection refused",
                "  \u001b[1;31m\u2691 known error network/connection-refused\u001b[0;39m \u2014 Nothing listens on the target host and port.",
                "    \u001b[32mtry: Check the host and port, start the server (85 %)\u001b[0;39m",
                "    \u001b[33mdon't: Raising the connect timeout \u2014 nothing answers however long you wait (fails 90 %)\u001b[0;39m",
                "    \u001b[2mdocs: https://docs.oracle.com/javase/8/docs/api/java/net/ConnectException.html\u001b[0;39m", ""));
        assertThat(coloured.out().replaceAll("\u001b\\[(1;31|32|33|2|0;39)m", "")).isEqualTo(plain.out()).doesNotContain("\u001b");
        assertThat(Cli.run("scan", "--no-bundled", "--kb", kb, evil.toString()).out())
                .as("auto: stdout is not a terminal here").isEqualTo(plain.out());
    }

    @Test
    void asciiKeepsTheWholeTextOutputAscii() {
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", SEED_KB, "--ascii", "--locale", "zh",
                log.toString());

        assertThat(r.out()).contains("[known error] network/connection-refused");
        assertThat(r.out().chars().filter(c -> c > 0x7e)).isEmpty();
    }

    @Test
    void aLongFirstLineIsCutInTheHeader() throws IOException {
        Path longLine = Cli.write(dir.resolve("long.log"),
                "ERROR " + "x".repeat(5000) + " java.net.ConnectException: Connection refused\n");

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, longLine.toString());

        String header = r.outLines().get(0);
        assertThat(header).startsWith(longLine + ":1: ERROR xxx").endsWith("x\u2026");
        assertThat(header.length()).isLessThan(longLine.toString().length() + 210);
    }

    @Test
    void kbLoadProblemsAreWarningsAndDoNotChangeTheExitCode() throws IOException {
        Path broken = Cli.write(dir.resolve("broken.json"), "{\"id\": \"x/y\", \"regex\": \"(\"}");

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", broken.toString(), log.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("known-errors: warning: " + broken + ": entry 'x/y': field 'regex': invalid");
    }

    @Test
    void malformedUtf8AndCrLfLineEndsAreRead() throws IOException {
        Path bad = dir.resolve("latin1.log");
        java.nio.file.Files.write(bad, "WARN caf\u00e9 \u00ff\r\njava.net.ConnectException: Connection refused\r\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, bad.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.outLines().get(0)).isEqualTo(bad + ":1: WARN caf\uFFFD \uFFFD");
        assertThat(r.out()).contains("1 event scanned, 1 diagnosed, 1 known error");
    }

    @Test
    void nothingDiagnosedIsSaidSo() throws IOException {
        Path quiet = Cli.write(dir.resolve("quiet.log"), "INFO all good\nINFO still good\n");

        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, quiet.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("2 events scanned, no known error found\n");
    }
}
