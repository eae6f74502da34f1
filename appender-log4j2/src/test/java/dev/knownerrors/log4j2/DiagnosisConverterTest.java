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
        context.getLogger("x").error(REDIS);
        String text = list.getMessages().get(0);
        assertThat(text).startsWith("ERROR " + REDIS + "\n  \u2691 \u5df2\u77e5\u9519\u8bef database/redis-bgsave-fork-error");
        assertThat(text.split("redis-bgsave-fork-error", -1)).hasSize(2);
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
    }
}
