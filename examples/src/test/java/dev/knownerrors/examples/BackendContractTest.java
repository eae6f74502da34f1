package dev.knownerrors.examples;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.log4j2.DiagnosingRewritePolicy;
import dev.knownerrors.logback.DiagnosingAppender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The contract shared by both backends: for the same event and the same settings, Logback's
 * {@code DiagnosingAppender} and Log4j's {@code DiagnosingRewritePolicy} produce byte-identical
 * message text and the same {@code kb.*} fields. Inputs: every example of the bundled KB, as a
 * message and as the message of a wrapped cause, in each text variant.
 */
class BackendContractTest {

    record Variant(String name, String locale, boolean ascii) {
    }

    static final Variant[] VARIANTS = {new Variant("en", "en", false), new Variant("ascii", "en", true),
            new Variant("zh", "zh", false)};

    @TestFactory
    Stream<DynamicTest> sameEventGivesByteIdenticalTextAndSameFieldsInBothBackends() {
        return Stream.of(VARIANTS).flatMap(v -> {
            Backends backends = new Backends(v);
            return KnowledgeBase.bundled().entries().stream().flatMap((KnownError e) -> e.examples().stream()
                    .flatMap(example -> Stream.of(
                            dynamicTest(v.name() + " message: " + example, () -> backends.assertSame(example, null)),
                            dynamicTest(v.name() + " cause: " + example, () -> backends.assertSame("request failed",
                                    new IllegalStateException("wrapper", new IOException(example)))))));
        });
    }

    /** One Logback appender and one Log4j policy with the same settings. */
    static final class Backends {
        final LoggerContext context = new LoggerContext();
        final Logger logger = context.getLogger("contract");
        final ListAppender<ILoggingEvent> list = new ListAppender<>();
        final DiagnosingAppender appender = new DiagnosingAppender();
        final DiagnosingRewritePolicy policy;

        Backends(Variant v) {
            context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
            list.setContext(context);
            list.start();
            appender.setContext(context);
            appender.setName("DIAGNOSE");
            appender.addAppender(list);
            appender.setLocale(v.locale());
            appender.setAscii(v.ascii());
            appender.start();
            policy = DiagnosingRewritePolicy.newBuilder().setLocale(v.locale()).setAscii(v.ascii()).build();
        }

        void assertSame(String message, Throwable error) {
            list.list.clear();
            appender.doAppend(new LoggingEvent(Logger.class.getName(), logger, ch.qos.logback.classic.Level.ERROR,
                    message, error, null));
            ILoggingEvent viaLogback = list.list.get(0);
            LogEvent viaLog4j = policy.rewrite(Log4jLogEvent.newBuilder().setLoggerName("contract")
                    .setLevel(org.apache.logging.log4j.Level.ERROR).setMessage(new SimpleMessage(message))
                    .setThrown(error).build());

            assertThat(viaLogback.getFormattedMessage()).as("Logback text").contains("\n  ");
            assertThat(viaLog4j.getMessage().getFormattedMessage()).as("Log4j text")
                    .isEqualTo(viaLogback.getFormattedMessage());
            assertThat(kbFields(viaLog4j.getContextData().toMap())).as("fields")
                    .isEqualTo(kbFields(viaLogback.getMDCPropertyMap()))
                    .containsKey(DiagnosisFormatter.FIELD_ID);
        }

        static Map<String, String> kbFields(Map<String, String> all) {
            Map<String, String> kb = new TreeMap<>();
            all.forEach((k, val) -> {
                if (k.startsWith("kb.")) {
                    kb.put(k, val);
                }
            });
            return kb;
        }
    }
}
