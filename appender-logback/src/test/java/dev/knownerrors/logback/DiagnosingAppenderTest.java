package dev.knownerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.ConnectException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The appender on its own, fed events built directly. */
class DiagnosingAppenderTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";

    LoggerContext context;
    Logger logger;
    ListAppender<ILoggingEvent> list;
    DiagnosingAppender appender;

    @BeforeEach
    void setUp() {
        context = Logback.newContext();
        logger = context.getLogger("app");
        list = new ListAppender<>();
        list.setContext(context);
        list.setName("LIST");
        list.start();
        appender = new DiagnosingAppender();
        appender.setContext(context);
        appender.setName("DIAGNOSE");
        appender.addAppender(list);
    }

    private ILoggingEvent log(Level level, String message, Throwable t) {
        appender.doAppend(new LoggingEvent(Logger.class.getName(), logger, level, message, t, null));
        return list.list.get(list.list.size() - 1);
    }

    @Test
    void matchingErrorIsForwardedWithTextAndFields() {
        appender.start();
        ILoggingEvent out = log(Level.ERROR, REDIS, null);
        assertThat(out.getFormattedMessage()).startsWith(REDIS + "\n  \u2691 known error database/redis-bgsave-fork-error \u2014 ")
                .contains("overcommit_memory");
        assertThat(out.getMDCPropertyMap()).containsEntry("kb.id", "database/redis-bgsave-fork-error")
                .containsKeys("kb.root_cause", "kb.workaround", "kb.dead_end", "kb.doc_url", "kb.confidence");
        assertThat(out.getMDCPropertyMap().get("kb.workaround")).contains("overcommit_memory");
    }

    @Test
    void benignEventIsForwardedAsTheVerySameObject() {
        appender.start();
        LoggingEvent in = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "all is well", null, null);
        appender.doAppend(in);
        assertThat(list.list).containsExactly(in);
    }

    @Test
    void eventBelowMinimumLevelIsNotLookedAt() {
        appender.start();
        ILoggingEvent out = log(Level.INFO, REDIS, null);
        assertThat(out.getFormattedMessage()).isEqualTo(REDIS);
        assertThat(out.getMDCPropertyMap()).doesNotContainKey("kb.id");
    }

    @Test
    void minimumLevelCanBeLowered() {
        appender.setMinimumLevel("INFO");
        appender.start();
        assertThat(log(Level.INFO, REDIS, null).getMDCPropertyMap()).containsKey("kb.id");
    }

    @Test
    void causeChainOfTheThrowableIsDiagnosed() {
        appender.start();
        Exception error = new IllegalStateException("save failed", new IOException(REDIS));
        assertThat(log(Level.WARN, "background job failed", error).getMDCPropertyMap())
                .containsEntry("kb.id", "database/redis-bgsave-fork-error");
    }

    @Test
    void originalEventIsNeverMutated() {
        appender.start();
        LoggingEvent in = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, REDIS, null, null);
        in.setMDCPropertyMap(Map.of("request", "42"));
        appender.doAppend(in);
        ILoggingEvent out = list.list.get(0);
        assertThat(out).isNotSameAs(in);
        assertThat(in.getMDCPropertyMap()).containsOnlyKeys("request");
        assertThat(in.getFormattedMessage()).isEqualTo(REDIS);
        assertThat(out.getMDCPropertyMap()).containsEntry("request", "42").containsKey("kb.id");
        assertThat(out.getTimeStamp()).isEqualTo(in.getTimeStamp());
        assertThat(out.getThreadName()).isEqualTo(in.getThreadName());
    }

    @Test
    void withoutAppendToMessageOnlyTheFieldsAreAdded() {
        appender.setAppendToMessage(false);
        appender.start();
        ILoggingEvent out = log(Level.ERROR, REDIS, null);
        assertThat(out.getFormattedMessage()).isEqualTo(REDIS);
        assertThat(out.getMDCPropertyMap()).containsKey("kb.id");
    }

    @Test
    void zhLocaleUsesTheChineseText() {
        appender.setLocale("zh");
        appender.start();
        assertThat(log(Level.ERROR, REDIS, null).getFormattedMessage()).contains("\u5df2\u77e5\u9519\u8bef", "overcommit_memory");
    }

    @Test
    void asciiTextHasNoNonAsciiCharacter() {
        appender.setAscii(true);
        appender.start();
        assertThat(log(Level.ERROR, REDIS, null).getFormattedMessage()).matches("[\\x20-\\x7E\\n]+");
    }

    @Test
    void failureWhileDiagnosingIsReportedAndTheEventStillGoesThrough() {
        appender.start();
        LoggingEvent hostile = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, REDIS, null, null) {
            @Override
            public String getFormattedMessage() {
                throw new IllegalStateException("hostile message");
            }
        };
        for (int i = 0; i < 10; i++) {
            appender.doAppend(hostile);
        }
        assertThat(list.list).hasSize(10).allSatisfy(e -> assertThat(e).isSameAs(hostile));
        assertThat(Logback.statuses(context, Status.ERROR)).hasSize(3)
                .allSatisfy(s -> assertThat(s.getMessage()).contains("hostile message"));
    }

    @Test
    void withoutAppenderRefItReportsAnErrorAndStaysStopped() {
        DiagnosingAppender lonely = new DiagnosingAppender();
        lonely.setContext(context);
        lonely.setName("LONELY");
        lonely.start();
        assertThat(lonely.isStarted()).isFalse();
        assertThat(Logback.statuses(context, Status.ERROR)).singleElement()
                .satisfies(s -> assertThat(s.getMessage()).contains("no <appender-ref>"));
    }

    @Test
    void badMinimumLevelIsReportedAndTheDefaultKept() {
        appender.setMinimumLevel("LOUD");
        appender.start();
        assertThat(Logback.statuses(context, Status.ERROR)).singleElement()
                .satisfies(s -> assertThat(s.getMessage()).contains("minimumLevel 'LOUD'"));
        assertThat(log(Level.WARN, REDIS, null).getMDCPropertyMap()).containsKey("kb.id");
    }

    @Test
    void connectExceptionInCauseIsPassedThroughIfTheKbHasNoEntryForIt() {
        appender.setBundled(false);
        appender.start();
        ILoggingEvent out = log(Level.ERROR, "x", new ConnectException("Connection refused"));
        assertThat(out.getMDCPropertyMap()).doesNotContainKey("kb.id");
        assertThat(Logback.statuses(context, Status.WARN)).singleElement()
                .satisfies(s -> assertThat(s.getMessage()).contains("knowledge base is empty"));
    }

    @Test
    void entryWithoutUsableLiteralIsReportedAndSkippedUnlessAllowed(@TempDir Path dir) throws IOException {
        Path kb = dir.resolve("weak.json");
        Files.writeString(kb, "{\"id\": \"team/weak\", \"regex\": \"[0-9]+ x\"}");
        appender.addKnowledgeBase(kb.toString());
        appender.setBundled(false);
        appender.setPrecisionGuard(false);
        appender.start();
        assertThat(log(Level.ERROR, "42 x", null).getMDCPropertyMap()).doesNotContainKey("kb.id");
        assertThat(Logback.statuses(context, Status.WARN)).anySatisfy(s ->
                assertThat(s.getMessage()).contains("'team/weak'", "no literal text", "skipped"));

        DiagnosingAppender allowing = new DiagnosingAppender();
        allowing.setContext(context);
        allowing.addAppender(list);
        allowing.addKnowledgeBase(kb.toString());
        allowing.setBundled(false);
        allowing.setPrecisionGuard(false);
        allowing.setAllowUnanchored(true);
        allowing.start();
        allowing.doAppend(new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "42 x", null, null));
        assertThat(list.list.get(list.list.size() - 1).getMDCPropertyMap()).containsEntry("kb.id", "team/weak");
    }

    @Test
    void directoryOfDeadendsCanonsIsAcceptedAsKnowledgeBase(@TempDir Path dir) throws IOException {
        Path canon = dir.resolve("java/port-refused/jdk17.json");
        Files.createDirectories(canon.getParent());
        Files.writeString(canon, "{\"id\": \"java/port-refused/jdk17\", \"url\": \"https://example.org/canons/java/port-refused/jdk17\",  \"error\": {\"signature\": \"Fixture: port 8125 refused the metrics connection\", \"regex\": \"Fixture: port (?P<port_no>\\\\d+) refused the metrics connection\", \"domain\": \"java\", \"category\": \"network\"},  \"verdict\": {\"resolvable\": \"true\", \"fix_success_rate\": 0.8, \"confidence\": 0.7, \"summary\": \"A test canon: the metrics agent is not listening.\"},  \"dead_ends\": [], \"workarounds\": [{\"action\": \"Point the client at the agent's real port\", \"success_rate\": 0.85, \"sources\": []}],  \"transition_graph\": {\"leads_to\": [], \"preceded_by\": [], \"frequently_confused_with\": []}, \"metadata\": {\"evidence_count\": 1}}");
        appender.addKnowledgeBase(dir.toString());
        appender.setBundled(false);
        appender.start();
        ILoggingEvent out = log(Level.ERROR, "Fixture: port 8125 refused the metrics connection", null);
        assertThat(out.getMDCPropertyMap()).containsEntry("kb.id", "java/port-refused/jdk17")
                .containsEntry("kb.doc_url", "https://example.org/canons/java/port-refused/jdk17");
        assertThat(context.getStatusManager().getCopyOfStatusList()).anySatisfy(st ->
                assertThat(st.getMessage()).isEqualTo("known-errors: knowledge base data from deadends.dev"
                        + " (github.com/dbwls99706/deadends.dev), CC BY 4.0"));
    }

    @Test
    void stoppingTheAppenderStopsTheWrappedOnes() {
        appender.start();
        appender.stop();
        assertThat(list.isStarted()).isFalse();
    }
}
