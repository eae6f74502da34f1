package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.core.test.junit.Named;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KB entry written to attack the log (hostile-kb/hostile.json: CR/LF that would start a forged
 * line, ANSI and OSC escapes, C1 controls, bidi overrides, lookups and format strings) and messages
 * carrying the same, through a real log4j2.xml with a PatternLayout. The expected text is the
 * Logback test's: both backends render byte-identical blocks.
 */
@UsingStatusListener
class DiagnosingRewritePolicyInjectionTest {

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

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyInjectionTest-list.xml")
    void hostileKbTextAddsExactlyTheBlockLinesWithNoControlCharacterAndNothingResolved(LoggerContext context,
            @Named("List") ListAppender list, ListStatusListener status) {
        context.getLogger("widgets").error("hostile widget failure " + LOOKUPS);
        context.getLogger("widgets").error("hostile widget failure for {}", LOOKUPS);

        String out = String.join("", list.getMessages());
        assertThat(out.split("\n", -1)).containsExactly(
                "ERROR hostile widget failure " + LOOKUPS, HEADER, TRY, DONT, DOCS + " " + CAUSE_FIELD,
                "ERROR hostile widget failure for " + LOOKUPS, REPEAT + " " + CAUSE_FIELD, "");
        assertNoTerminalControls(out);
        if (System.getenv("HOME") != null) {
            assertThat(out).doesNotContain("=" + System.getenv("HOME"), "/" + System.getenv("HOME"));
        }
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosingRewritePolicyInjectionTest-list.xml")
    void hostileMessageIsForwardedAsTheApplicationWroteItAndTheBlockRepeatsNothingOfIt(LoggerContext context,
            @Named("List") ListAppender list, ListStatusListener status) {
        String hostile = "hostile widget failure\r\nINFO forged line \u001b[31m\u0085\u202e " + LOOKUPS;
        context.getLogger("widgets").error(hostile);

        List<String> messages = list.getMessages();
        assertThat(messages).containsExactly(
                "ERROR " + hostile + "\n" + String.join("\n", HEADER, TRY, DONT, DOCS) + " " + CAUSE_FIELD + "\n");
        assertNoTerminalControls(messages.get(0).substring(("ERROR " + hostile).length()));
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    /** No CR, no C0 control but the line feeds, no DEL/C1, no bidi override or isolate. */
    static void assertNoTerminalControls(String text) {
        assertThat(text.chars().filter(c -> c != '\n' && (Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)))
                .as("control, bidi or separator characters in %s", text).isEmpty();
    }
}
