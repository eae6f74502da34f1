package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.core.test.junit.Named;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real log4j2.xml files, a real File appender behind Rewrite, the real bundled KB. */
@UsingStatusListener
class DiagnosingRewritePolicyWiringTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyWiringTest-file.xml")
    void knownErrorInTheFileGetsItsDiagnosisAndBenignLinesStayUnchanged(LoggerContext context,
            @Named("List") ListAppender list, ListStatusListener status) throws IOException {
        var logger = context.getLogger("cache");
        logger.info("Started CacheService in 2.345 seconds");
        logger.error(REDIS);
        logger.warn("Slow response from backend: {} ms", 1200);

        assertThat(list.getEvents()).hasSize(3);
        assertThat(list.getEvents().get(1).getContextData().<String>getValue("kb.id"))
                .isEqualTo("database/redis-bgsave-fork-error");
        assertThat(list.getEvents().get(0).getContextData().containsKey("kb.id")).isFalse();

        List<String> lines = Files.readAllLines(Path.of("target/log4j2-wiring/app.log"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("INFO cache - Started CacheService in 2.345 seconds [kb.id=]");
        assertThat(lines.get(1)).isEqualTo("ERROR cache - " + REDIS);
        assertThat(lines.get(2)).startsWith("  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(lines.get(3)).startsWith("    try: ").contains("vm.overcommit_memory").endsWith("(90 %)");
        assertThat(lines.get(4)).startsWith("    don't: ").endsWith("(fails 70 %)");
        assertThat(lines.get(5)).startsWith("    docs: https://redis.io/").endsWith(" [kb.id=database/redis-bgsave-fork-error]");
        assertThat(lines.get(6)).isEqualTo("WARN cache - Slow response from backend: 1200 ms [kb.id=]");
        assertThat(lines).hasSize(7);
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyWiringTest-location.xml")
    void aDiagnosedEventStillNamesTheCallersClassAndMethod(LoggerContext context, @Named("List") ListAppender list) {
        context.getLogger("cache").error(REDIS);
        context.getLogger("cache").warn("Slow response from backend: {} ms", 1200);

        String caller = " DiagnosingRewritePolicyWiringTest.aDiagnosedEventStillNamesTheCallersClassAndMethod - ";
        assertThat(list.getMessages()).hasSize(2);
        assertThat(list.getMessages().get(0)).startsWith("ERROR" + caller + REDIS)
                .endsWith("[kb.id=database/redis-bgsave-fork-error]");
        assertThat(list.getMessages().get(1)).startsWith("WARN" + caller).endsWith("[kb.id=]");
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyWiringTest-knowledge-bases.xml")
    void brokenKnowledgeBaseIsReportedPreciselyAndTheOtherOneStillWorks(LoggerContext context,
            @Named("List") ListAppender list, ListStatusListener status) {
        context.getLogger("billing").info("quota exceeded for tenant acme");
        assertThat(list.getMessages()).containsExactly(String.join("\n",
                "quota exceeded for tenant acme",
                "  [known error] team/quota - The tenant used up its quota.",
                "    try: Raise the quota [kb.id=team/quota]"));
        assertThat(status.findStatusData(Level.WARN)).extracting(s -> s.getMessage().getFormattedMessage())
                .containsExactly("known-errors: classpath:team-kb/broken.json: entry 'team/bad': field 'regex':"
                        + " invalid: Unclosed group near index 15");
    }
}
