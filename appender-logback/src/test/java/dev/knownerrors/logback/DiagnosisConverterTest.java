package dev.knownerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisConverterTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";
    static final String ESC = "\u001b";
    /** The block of the bundled Redis entry coloured by %kb{ansi}, in Logback's %highlight manner. */
    static final List<String> REDIS_ANSI = List.of(
            "  " + ESC + "[1;31m\u2691 known error database/redis-bgsave-fork-error" + ESC + "[0;39m \u2014 Redis could not "
                    + "fork a child process for BGSAVE/BGREWRITEAOF because the kernel refused the memory for the copy of "
                    + "its address space.",
            "    " + ESC + "[32mtry: Enable memory overcommit: run `sysctl vm.overcommit_memory=1` and persist it by adding "
                    + "`vm.overcommit_memory = 1` to /etc/sysctl.conf (90 %)" + ESC + "[0;39m",
            "    " + ESC + "[33mdon't: Raise Redis maxmemory \u2014 The failure comes from the kernel refusing fork(), i.e. "
                    + "host memory / overcommit policy, not from Redis's own memory limit; a higher maxmemory only lets the "
                    + "dataset grow and makes the fork harder. (fails 70 %)" + ESC + "[0;39m",
            "    " + ESC + "[2mdocs: https://redis.io/docs/latest/operate/oss_and_stack/management/admin/#background-save"
                    + ESC + "[0;39m");

    @TempDir
    Path dir;

    @Test
    void onItsOwnItDiagnosesWarningsWithTheBundledKb() throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosisConverterTest-standalone.xml", Map.of("logFile", log.toString()));
        context.getLogger("x").info(REDIS);
        context.getLogger("x").error(REDIS);
        context.stop();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("INFO " + REDIS);
        assertThat(lines.get(1)).isEqualTo("ERROR " + REDIS);
        assertThat(lines.get(2)).startsWith("  \u2691 known error database/redis-bgsave-fork-error");
        assertThat(lines).hasSize(6);
        Logback.assertNoWarningsOrErrors(context);
    }

    @Test
    void behindTheAppenderItPlacesThatAppendersDiagnosisOnce() throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosisConverterTest-wrapped.xml", Map.of("logFile", log.toString()));
        context.getLogger("x").error(REDIS);
        context.stop();

        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).startsWith("ERROR " + REDIS + "\n  \u2691 \u5df2\u77e5\u9519\u8bef database/redis-bgsave-fork-error");
        assertThat(text.split("redis-bgsave-fork-error", -1)).hasSize(2);
        Logback.assertNoWarningsOrErrors(context);
    }

    @Test
    void ansiOptionColoursEachPartOfTheBlockAndPlainKbHasNoEscape() throws IOException {
        Path ansi = dir.resolve("ansi.log");
        Path plain = dir.resolve("plain.log");
        LoggerContext context = Logback.configure("DiagnosisConverterTest-ansi.xml",
                Map.of("ansiFile", ansi.toString(), "plainFile", plain.toString()));
        context.getLogger("x").info(REDIS);
        context.getLogger("x").error(REDIS);
        context.stop();

        List<String> coloured = Files.readAllLines(ansi, StandardCharsets.UTF_8);
        assertThat(coloured.subList(0, 2)).containsExactly("INFO " + REDIS, "ERROR " + REDIS);
        assertThat(coloured.subList(2, coloured.size())).isEqualTo(REDIS_ANSI);
        String plainText = Files.readString(plain, StandardCharsets.UTF_8);
        assertThat(plainText).doesNotContain(ESC).contains("\u2691 known error database/redis-bgsave-fork-error");
        assertThat(Files.readString(ansi, StandardCharsets.UTF_8).replaceAll(ESC + "\\[[0-9;]*m", "")).isEqualTo(plainText);
        Logback.assertNoWarningsOrErrors(context);
    }

    @Test
    void ansiColoursOnlyTheSanitisedTextOfAHostileKbAndNoEscapeFromTheMessageGetsThrough() throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosisConverterTest-ansi-hostile.xml", Map.of("logFile", log.toString()));
        context.getLogger("widgets").error("hostile widget failure \u001b[31m\u009b2J\u001b]8;;x\u0007");
        context.stop();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "ERROR",
                "  " + ESC + "[1;31m\u2691 \u5df2\u77e5\u9519\u8bef team/hostile" + ESC + "[0;39m \u2014 Root ERROR forged - "
                        + "fake line\uFFFD[31mred\uFFFDnext\uFFFDevil ${jndi:ldap://127.0.0.1/x} ${env:HOME} %d{} {} %n end",
                "    " + ESC + "[32m\u5c1d\u8bd5\uff1aRestart INFO forged - all good ${env:HOME} (50 %)" + ESC + "[0;39m",
                "    " + ESC + "[33m\u4e0d\u8981\uff1aRetry \uFFFD\uFFFD2J \u2014 ${jndi:ldap://127.0.0.1/x} \uFFFD{} "
                        + "\uFFFD%X{kb.id} (\u5931\u8d25\u7387 90 %)" + ESC + "[0;39m",
                "    " + ESC + "[2m\u6587\u6863\uff1ahttps://docs.example/${env:HOME} \uFFFD]8;;x\uFFFD" + ESC + "[0;39m");
        String withoutOurCodes = Files.readString(log, StandardCharsets.UTF_8).replaceAll(ESC + "\\[(1;31|32|33|2|0;39)m", "");
        assertThat(withoutOurCodes).doesNotContain(ESC, "\u009b", "\u0007");
        Logback.assertNoWarningsOrErrors(context);
    }
}
