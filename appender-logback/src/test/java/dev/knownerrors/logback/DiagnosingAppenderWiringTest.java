package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real logback.xml files, a real FileAppender, the real bundled KB. */
class DiagnosingAppenderWiringTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";

    @TempDir
    Path dir;

    @Test
    void knownErrorInTheFileGetsItsDiagnosisAndBenignLinesStayUnchanged() throws IOException {
        LoggerContext[] context = new LoggerContext[1];
        List<String> lines = written("DiagnosingAppenderWiringTest-file.xml", context, logger -> {
            logger.info("Started CacheService in 2.345 seconds");
            logger.error(REDIS);
            logger.warn("Slow response from backend: {} ms", 1200);
        });
        assertThat(lines.get(0)).isEqualTo("INFO cache - Started CacheService in 2.345 seconds [kb.id=]");
        assertThat(lines.get(1)).isEqualTo("ERROR cache - " + REDIS);
        assertThat(lines.get(2)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(lines.get(3)).startsWith("    try: ").contains("vm.overcommit_memory").endsWith("(90 %)");
        assertThat(lines.get(4)).startsWith("    don't: ").endsWith("(fails 70 %)");
        assertThat(lines.get(5)).startsWith("    docs: https://redis.io/").endsWith(" [kb.id=database/redis-bgsave-fork-error]");
        assertThat(lines.get(6)).isEqualTo("WARN cache - Slow response from backend: 1200 ms [kb.id=]");
        assertThat(lines).hasSize(7);
        Logback.assertNoWarningsOrErrors(context[0]);
    }

    @Test
    void aFilterOfTheDiagnosingAppenderItselfDecidesForEventsBelowTheMinimumLevelToo() throws IOException {
        LoggerContext[] context = new LoggerContext[1];
        List<String> lines = written("DiagnosingAppenderWiringTest-filter.xml", context, logger -> {
            logger.info("Started CacheService in 2.345 seconds");
            logger.debug("Cache warmed with {} keys", 120);
            logger.error(REDIS);
        });
        assertThat(lines.get(0)).isEqualTo("DEBUG cache - Cache warmed with 120 keys [kb.id=]");
        assertThat(lines.get(1)).isEqualTo("ERROR cache - " + REDIS);
        assertThat(lines.get(2)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(lines).noneMatch(l -> l.contains("Started CacheService"));
        Logback.assertNoWarningsOrErrors(context[0]);
    }

    @Test
    void aWrappedAppenderThatThrowsNeverReachesTheLoggingCallWhateverTheLevel() throws IOException {
        LoggerContext[] context = new LoggerContext[1];
        List<String> lines = written("DiagnosingAppenderWiringTest-throwing.xml", context, logger -> {
            logger.info("Started CacheService in 2.345 seconds"); // below the minimum level
            logger.error(REDIS); // scanned and diagnosed
        });

        assertThat(lines.get(0)).isEqualTo("INFO cache - Started CacheService in 2.345 seconds");
        assertThat(lines.get(1)).isEqualTo("ERROR cache - " + REDIS);
        assertThat(lines.get(2)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(Logback.statuses(context[0], Status.ERROR)).extracting(Status::getMessage)
                .containsExactly("Appender [DIAGNOSE] failed to append.", "Appender [DIAGNOSE] failed to append.");
    }

    /** The lines the configuration's file holds after {@code events} were logged to "cache" and the context stopped. */
    private List<String> written(String config, LoggerContext[] context, java.util.function.Consumer<Logger> events)
            throws IOException {
        Path log = dir.resolve("app.log");
        context[0] = Logback.configure(config, Map.of("logFile", log.toString()));
        events.accept(context[0].getLogger("cache"));
        context[0].stop();
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    @Test
    void brokenKnowledgeBaseIsReportedPreciselyAndTheOtherOneStillWorks() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"id\": \"team/bad\", \"regex\": \"unclosed (group\"}");
        Path team = dir.resolve("team.json");
        Files.writeString(team, "{\"id\": \"team/quota\", \"regex\": \"quota exceeded for tenant \\\\w+\","
                + " \"root_cause\": \"The tenant used up its quota.\", \"workarounds\": [{\"action\": \"Raise the quota\"}]}");
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosingAppenderWiringTest-knowledge-bases.xml",
                Map.of("logFile", log.toString(), "brokenKb", broken.toString(), "teamKb", team.toString()));
        context.getLogger("billing").info("quota exceeded for tenant acme");
        context.stop();

        assertThat(Files.readString(log)).isEqualTo(String.join("\n",
                "quota exceeded for tenant acme",
                "  [known error] team/quota - The tenant used up its quota.",
                "    try: Raise the quota [kb.id=team/quota]", ""));
        assertThat(Logback.statuses(context, Status.WARN)).singleElement().satisfies(s ->
                assertThat(s.getMessage()).isEqualTo("known-errors: " + broken
                        + ": entry 'team/bad': field 'regex': invalid: Unclosed group near index 15"));
    }
}
