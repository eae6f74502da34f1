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

/**
 * A KB entry written to attack the log (hostile-kb/hostile.json: CR/LF that would start a forged
 * line, ANSI and OSC escapes, C1 controls, bidi overrides, lookups and format strings) and messages
 * carrying the same, through a real logback.xml and FileAppender.
 */
class DiagnosingAppenderInjectionTest {

    static final String LOOKUPS = "${jndi:ldap://127.0.0.1/x} ${env:HOME} %d{} {} %n";
    static final String HEADER = "  \u2691 known error team/hostile \u2014 Root ERROR forged - fake line\uFFFD[31mred\uFFFDnext"
            + "\uFFFDevil ${jndi:ldap://127.0.0.1/x} ${env:HOME} %d{} {} %n end";
    static final String TRY = "    try: Restart INFO forged - all good ${env:HOME} (50 %)";
    static final String DONT = "    don't: Retry \uFFFD\uFFFD2J \u2014 ${jndi:ldap://127.0.0.1/x} \uFFFD{} \uFFFD%X{kb.id} (fails 90 %)";
    static final String DOCS = "    docs: https://docs.example/${env:HOME} \uFFFD]8;;x\uFFFD";
    /** The same known error again within the repeat window: the one-line reference. */
    static final String REPEAT = "  \u2691 known error team/hostile (seen 2 times in the last 60 s; details above)";
    static final String CAUSE_FIELD = "[cause=Root ERROR forged - fake line\uFFFD[31mred\uFFFDnext\uFFFDevil"
            + " ${jndi:ldap://127.0.0.1/x} ${env:HOME} %d{} {} %n end]";

    @TempDir
    Path dir;

    @Test
    void hostileKbTextAddsExactlyTheBlockLinesWithNoControlCharacterAndNothingResolved() throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosingAppenderInjectionTest-file.xml", Map.of("logFile", log.toString()));
        context.getLogger("widgets").error("hostile widget failure " + LOOKUPS);
        context.getLogger("widgets").error("hostile widget failure for {}", LOOKUPS);
        context.stop();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "ERROR hostile widget failure " + LOOKUPS, HEADER, TRY, DONT, DOCS + " " + CAUSE_FIELD,
                "ERROR hostile widget failure for " + LOOKUPS, REPEAT + " " + CAUSE_FIELD);
        assertNoTerminalControls(Files.readString(log, StandardCharsets.UTF_8));
        if (System.getenv("HOME") != null) {
            assertThat(Files.readString(log)).doesNotContain("=" + System.getenv("HOME"), "/" + System.getenv("HOME"));
        }
        Logback.assertNoWarningsOrErrors(context);
    }

    @Test
    void hostileMessageIsForwardedAsTheApplicationWroteItAndTheBlockRepeatsNothingOfIt() throws IOException {
        Path log = dir.resolve("app.log");
        LoggerContext context = Logback.configure("DiagnosingAppenderInjectionTest-file.xml", Map.of("logFile", log.toString()));
        String hostile = "hostile widget failure\r\nINFO forged line \u001b[31m\u0085\u202e " + LOOKUPS;
        context.getLogger("widgets").error(hostile);
        context.stop();

        String out = Files.readString(log, StandardCharsets.UTF_8);
        String expected = "ERROR " + hostile + "\n" + String.join("\n", HEADER, TRY, DONT, DOCS) + " " + CAUSE_FIELD + "\n";
        assertThat(out).isEqualTo(expected);
        assertNoTerminalControls(out.substring(("ERROR " + hostile).length()));
        Logback.assertNoWarningsOrErrors(context);
    }

    /** No CR, no C0 control but the line feeds, no DEL/C1, no bidi override or isolate. */
    static void assertNoTerminalControls(String text) {
        assertThat(text.chars().filter(c -> c != '\n' && (Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)))
                .as("control, bidi or separator characters in %s", text).isEmpty();
    }
}
