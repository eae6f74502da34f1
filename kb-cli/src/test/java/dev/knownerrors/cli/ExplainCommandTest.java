package dev.knownerrors.cli;

import dev.knownerrors.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.knownerrors.cli.Cli.REDIS_ID;
import static dev.knownerrors.cli.Cli.REDIS_MESSAGE;
import static dev.knownerrors.cli.Cli.SEED_KB;
import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {

    @TempDir
    Path dir;

    @Test
    void explainPrintsTheRedisForkDiagnosisWithTheOvercommitWorkaround() {
        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", SEED_KB, "Can't", "save", "in", "background:",
                "fork:", "Cannot", "allocate", "memory");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).satisfiesExactly(
                head -> assertThat(head).startsWith("  \u2691 known error " + REDIS_ID + " \u2014 "),
                tryLine -> assertThat(tryLine).startsWith("    try: ").contains("overcommit_memory").endsWith("(90 %)"),
                dontLine -> assertThat(dontLine).startsWith("    don't: ").endsWith("(fails 70 %)"),
                docs -> assertThat(docs).isEqualTo(
                        "    docs: https://redis.io/docs/latest/operate/oss_and_stack/management/admin/#background-save"),
                matched -> assertThat(matched).isEqualTo("    matched: " + REDIS_MESSAGE));
    }

    @Test
    void explainUsesTheBundledKnowledgeBaseByDefault() {
        assertThat(KnowledgeBase.bundled().entry(REDIS_ID)).as("the bundled KB holds %s", REDIS_ID).isPresent();

        Cli.Result r = Cli.run("explain", REDIS_MESSAGE);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("known error " + REDIS_ID).containsIgnoringCase("overcommit");
    }

    @Test
    void explainOfAnUnknownMessageSaysSoAndExitsZero() {
        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", SEED_KB, "all", "is", "well");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("no known error matched\n");
    }

    @Test
    void explainInChineseUsesTheZhTexts() throws IOException {
        Path kb = Cli.write(dir.resolve("test.json"), Cli.TEST_KB);

        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", kb.toString(), "--locale", "zh",
                "java.net.ConnectException: Connection refused");

        assertThat(r.outLines()).startsWith(
                "  \u2691 \u5df2\u77e5\u9519\u8bef network/connection-refused \u2014 目标主机和端口上没有进程在监听。",
                "    尝试：检查主机和端口，启动服务器 (85 %)",
                "    不要：增加连接超时——等多久都没有回应 (失败率 90 %)");
    }

    @Test
    void explainAsJsonlIsOneObjectWithLineOneAndNoLevel() {
        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", SEED_KB, "--format", "jsonl", REDIS_MESSAGE);

        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).singleElement().asString()
                .startsWith("{\"line\":1,\"level\":null,\"id\":\"" + REDIS_ID + "\",\"domain\":\"database\","
                        + "\"confidence\":0.86,\"root_cause\":")
                .contains("\"workaround\":\"Enable memory overcommit: run `sysctl vm.overcommit_memory=1`")
                .endsWith(",\"doc_url\":\"https://redis.io/docs/latest/operate/oss_and_stack/management/admin/"
                        + "#background-save\"}");
    }

    @Test
    void explainAsJsonlWithoutAMatchPrintsNothingOnStdout() {
        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", SEED_KB, "--format", "jsonl", "all", "is", "well");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("no known error matched\n");
    }

    @Test
    void explainAsciiPrintsOnlyAscii() {
        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", SEED_KB, "--ascii", REDIS_MESSAGE);

        assertThat(r.out()).startsWith("  [known error] " + REDIS_ID + " - ");
        assertThat(r.out().chars().filter(c -> c > 0x7e)).isEmpty();
    }

    @Test
    void aMissingKbLocationIsAWarningOnStderrOnly() {
        Cli.Result r = Cli.run("explain", "--no-bundled", "--kb", SEED_KB, "--kb", dir.resolve("nope").toString(),
                REDIS_MESSAGE);

        assertThat(r.exit()).isZero();
        assertThat(r.errLines()).containsExactly(
                "known-errors: warning: " + dir.resolve("nope") + ": no such file or directory");
        assertThat(r.out()).contains(REDIS_ID);
    }
}
