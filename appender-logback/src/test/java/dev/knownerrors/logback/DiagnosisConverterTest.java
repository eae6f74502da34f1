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
}
