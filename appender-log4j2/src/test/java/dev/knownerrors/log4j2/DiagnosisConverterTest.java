package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.core.test.junit.Named;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UsingStatusListener
class DiagnosisConverterTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";
    static final String ESC = "\u001b";
    /** The block of the bundled Redis entry coloured by %kb{ansi}, the same bytes as in Logback. */
    static final String REDIS_ANSI = String.join("\n",
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

    @Test
    @LoggerContextSource("DiagnosisConverterTest-standalone.xml")
    void onItsOwnItDiagnosesWarningsWithTheBundledKb(LoggerContext context, @Named("List") ListAppender list,
                                                     ListStatusListener status) {
        context.getLogger("x").info(REDIS);
        context.getLogger("x").error(REDIS);
        assertThat(list.getMessages().get(0)).isEqualTo("INFO " + REDIS);
        assertThat(list.getMessages().get(1)).startsWith("ERROR " + REDIS + "\n  \u2691 known error database/redis-bgsave-fork-error");
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosisConverterTest-wrapped.xml")
    void behindThePolicyItPlacesThatPolicysDiagnosisOnce(LoggerContext context, @Named("List") ListAppender list,
                                                         ListStatusListener status) {
        assertTheWrappersTextIsPlacedOnce(context, list, status);
    }

    @Test
    @LoggerContextSource("DiagnosisConverterTest-appender.xml")
    void behindTheAppenderItPlacesThatAppendersDiagnosisOnce(LoggerContext context, @Named("List") ListAppender list,
                                                            ListStatusListener status) {
        assertTheWrappersTextIsPlacedOnce(context, list, status);
    }

    /** The wrapper (locale zh, appendToMessage false) diagnosed; %kb puts its text after the message, once. */
    private static void assertTheWrappersTextIsPlacedOnce(LoggerContext context, ListAppender list, ListStatusListener status) {
        context.getLogger("x").error(REDIS);
        String text = list.getMessages().get(0);
        assertThat(text).startsWith("ERROR " + REDIS + "\n  \u2691 \u5df2\u77e5\u9519\u8bef database/redis-bgsave-fork-error");
        assertThat(text.split("redis-bgsave-fork-error", -1)).hasSize(2);
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosisConverterTest-ansi.xml")
    void ansiOptionColoursEachPartOfTheBlockAndPlainKbHasNoEscape(LoggerContext context, @Named("Ansi") ListAppender ansi,
                                                                  @Named("Plain") ListAppender plain,
                                                                  ListStatusListener status) {
        context.getLogger("x").info(REDIS);
        context.getLogger("x").error(REDIS);

        assertThat(ansi.getMessages()).containsExactly("INFO " + REDIS, "ERROR " + REDIS + "\n" + REDIS_ANSI);
        assertThat(plain.getMessages()).hasSize(2).allSatisfy(m -> assertThat(m).doesNotContain(ESC));
        assertThat(plain.getMessages().get(1)).contains("\u2691 known error database/redis-bgsave-fork-error");
        assertThat(ansi.getMessages().get(1).replaceAll(ESC + "\\[[0-9;]*m", "")).isEqualTo(plain.getMessages().get(1));
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }

    @Test
    @LoggerContextSource("DiagnosisConverterTest-ansi-hostile.xml")
    void ansiColoursOnlyTheSanitisedTextOfAHostileKbAndNoEscapeFromTheMessageGetsThrough(
            LoggerContext context, @Named("List") ListAppender list, ListStatusListener status) {
        context.getLogger("widgets").error("hostile widget failure \u001b[31m\u009b2J\u001b]8;;x\u0007");

        assertThat(list.getMessages()).containsExactly(String.join("\n",
                "ERROR",
                "  " + ESC + "[1;31m\u2691 \u5df2\u77e5\u9519\u8bef team/hostile" + ESC + "[0;39m \u2014 Root ERROR forged - "
                        + "fake line\uFFFD[31mred\uFFFDnext\uFFFDevil ${jndi:ldap://127.0.0.1/x} ${env:HOME} %d{} {} %n end",
                "    " + ESC + "[32m\u5c1d\u8bd5\uff1aRestart INFO forged - all good ${env:HOME} (50 %)" + ESC + "[0;39m",
                "    " + ESC + "[33m\u4e0d\u8981\uff1aRetry \uFFFD\uFFFD2J \u2014 ${jndi:ldap://127.0.0.1/x} \uFFFD{} "
                        + "\uFFFD%X{kb.id} (\u5931\u8d25\u7387 90 %)" + ESC + "[0;39m",
                "    " + ESC + "[2m\u6587\u6863\uff1ahttps://docs.example/${env:HOME} \uFFFD]8;;x\uFFFD" + ESC + "[0;39m"));
        assertThat(list.getMessages().get(0).replaceAll(ESC + "\\[(1;31|32|33|2|0;39)m", ""))
                .doesNotContain(ESC, "\u009b", "\u0007");
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }
}
