package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.impl.ReusableLogEventFactory;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy on its own, fed events built directly. */
@UsingStatusListener
class DiagnosingRewritePolicyTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";

    static LogEvent event(Level level, Message message, Throwable t) {
        return Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(level).setMessage(message).setThrown(t)
                .setContextData(new SortedArrayStringMap(Map.of("request", "42"))).build();
    }

    @Test
    void matchingErrorIsRewrittenWithTextAndContextData() {
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().build();
        LogEvent in = event(Level.ERROR, new SimpleMessage(REDIS), null);
        LogEvent out = policy.rewrite(in);
        assertThat(out.getMessage().getFormattedMessage())
                .startsWith(REDIS + "\n  \u2691 known error database/redis-bgsave-fork-error \u2014 ")
                .contains("overcommit_memory");
        assertThat(out.getContextData().toMap()).containsEntry("kb.id", "database/redis-bgsave-fork-error")
                .containsEntry("request", "42")
                .containsKeys("kb.root_cause", "kb.workaround", "kb.dead_end", "kb.doc_url", "kb.confidence");
        assertThat(in.getContextData().toMap()).containsOnlyKeys("request");
        assertThat(out.getInstant()).isEqualTo(in.getInstant());
        assertThat(out.getLoggerName()).isEqualTo("app");
    }

    /**
     * Events without context data of their own share each entry's frozen fields; an event with
     * some gets a map of its own, and what it carries never reaches the next event.
     */
    @Test
    void eachEventCarriesTheFieldsOfItsEntryAndOnlyItsOwnContextData() {
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().build();
        java.util.function.Function<Map<String, String>, LogEvent> redis = context -> policy.rewrite(
                Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.ERROR).setMessage(new SimpleMessage(REDIS))
                        .setContextData(new SortedArrayStringMap(context)).build());
        LogEvent first = redis.apply(Map.of());
        LogEvent withOwn = redis.apply(Map.of("request", "42"));
        LogEvent again = redis.apply(Map.of());
        LogEvent refused = policy.rewrite(Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("Inventory service unreachable"))
                .setThrown(new java.net.ConnectException("Connection refused")).build());

        Map<String, String> fields = first.getContextData().toMap();
        assertThat(fields).containsEntry("kb.id", "database/redis-bgsave-fork-error")
                .allSatisfy((key, value) -> assertThat(key).startsWith("kb."));
        assertThat(withOwn.getContextData().toMap()).containsEntry("request", "42")
                .containsAllEntriesOf(fields).hasSize(fields.size() + 1);
        assertThat(again.getContextData().toMap()).isEqualTo(fields);
        assertThat(refused.getContextData().toMap()).containsEntry("kb.id", "network/connection-refused")
                .doesNotContainKey("request").allSatisfy((key, value) -> assertThat(key).startsWith("kb."));
        assertThat(((org.apache.logging.log4j.util.StringMap) first.getContextData()).isFrozen()).isTrue();
        assertThat(((org.apache.logging.log4j.util.StringMap) withOwn.getContextData()).isFrozen()).isTrue();
    }

    /** Log4j's {@code %m} appends the message to its buffer: the same text as the formatted message. */
    @Test
    void aLayoutThatAppendsTheMessageToItsBufferWritesTheSameText() {
        for (boolean append : new boolean[] {true, false}) {
            DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().setAppendToMessage(append).build();
            Message m = policy.rewrite(event(Level.ERROR, new ParameterizedMessage("Redis said: {}", REDIS), null))
                    .getMessage();
            StringBuilder buffer = new StringBuilder("before: ");
            ((org.apache.logging.log4j.util.StringBuilderFormattable) m).formatTo(buffer);
            assertThat(buffer.toString()).isEqualTo("before: " + m.getFormattedMessage());
            assertThat(m.getFormattedMessage()).startsWith("Redis said: " + REDIS);
            assertThat(m.getFormattedMessage().contains("known error")).isEqualTo(append);
        }
    }

    /**
     * Layouts downstream are compiled for the event classes they see: a reusable event, as a
     * synchronous logger makes it, is copied into one of the same class, and any other into a
     * {@code Log4jLogEvent}; either way with every field of its source.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theCopyIsOfItsSourcesClassWhenThatIsTheReusableEventAndCarriesEveryField(boolean reusable) {
        Throwable error = new IllegalStateException("save failed");
        Marker marker = MarkerManager.getMarker("OPS");
        ThreadContext.ContextStack stack = new MutableThreadContextStack(List.of("order 42", "retry 2"));
        LogEvent in;
        if (reusable) {
            ReusableLogEventFactory factory = new ReusableLogEventFactory();
            MutableLogEvent m = (MutableLogEvent) factory.createEvent("app.cache", marker, "org.example.Facade",
                    Level.ERROR, ReusableMessageFactory.INSTANCE.newMessage("Redis said: {}", REDIS), null, error);
            ((MutableInstant) m.getInstant()).initFromEpochSecond(1_764_000_000L, 123_456_789);
            m.setNanoTime(987_654_321L);
            m.setThreadId(77);
            m.setThreadName("worker-7");
            m.setThreadPriority(3);
            m.setContextStack(stack);
            m.setEndOfBatch(true);
            m.setIncludeLocation(true);
            in = m;
        } else {
            MutableInstant instant = new MutableInstant();
            instant.initFromEpochSecond(1_764_000_000L, 123_456_789);
            in = Log4jLogEvent.newBuilder().setLoggerFqcn("org.example.Facade").setLoggerName("app.cache")
                    .setMarker(marker).setLevel(Level.ERROR).setMessage(new ParameterizedMessage("Redis said: {}", REDIS))
                    .setThrown(error).setInstant(instant).setNanoTime(987_654_321L).setThreadId(77)
                    .setThreadName("worker-7").setThreadPriority(3).setContextStack(stack).setEndOfBatch(true)
                    .setIncludeLocation(true).build();
        }
        LogEvent out = DiagnosingRewritePolicy.newBuilder().build().rewrite(in);

        assertThat(out.getClass()).isEqualTo(reusable ? MutableLogEvent.class : Log4jLogEvent.class);
        assertThat(out).isNotSameAs(in);
        for (Function<LogEvent, Object> field : List.<Function<LogEvent, Object>>of(LogEvent::getLoggerFqcn,
                LogEvent::getLoggerName, LogEvent::getMarker, LogEvent::getLevel, LogEvent::getThrown,
                e -> e.getInstant().getEpochSecond(), e -> e.getInstant().getNanoOfSecond(), LogEvent::getNanoTime,
                LogEvent::getThreadId, LogEvent::getThreadName, LogEvent::getThreadPriority, LogEvent::getContextStack,
                LogEvent::isEndOfBatch, LogEvent::isIncludeLocation,
                e -> e.getMessage().getFormat(), e -> List.of(e.getMessage().getParameters()))) {
            assertThat(field.apply(out)).isEqualTo(field.apply(in));
        }
        assertThat(out.getMessage().getFormattedMessage())
                .startsWith("Redis said: " + REDIS + "\n  \u2691 known error database/redis-bgsave-fork-error \u2014 ");
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
        assertThat(in.getContextData().isEmpty()).isTrue();
        assertThat(in.getMessage().getFormattedMessage()).isEqualTo("Redis said: " + REDIS);
        if (reusable) {
            ReusableLogEventFactory.release(in);
        }
    }

    @Test
    void benignEventPassesAsTheVerySameObject() {
        LogEvent in = event(Level.ERROR, new SimpleMessage("all is well"), null);
        assertThat(DiagnosingRewritePolicy.newBuilder().build().rewrite(in)).isSameAs(in);
    }

    @Test
    void eventBelowMinimumLevelIsNotLookedAt() {
        LogEvent in = event(Level.INFO, new SimpleMessage(REDIS), null);
        assertThat(DiagnosingRewritePolicy.newBuilder().build().rewrite(in)).isSameAs(in);
        assertThat(DiagnosingRewritePolicy.newBuilder().setMinimumLevel("INFO").build().rewrite(in)).isNotSameAs(in);
    }

    @Test
    void parameterizedMessageKeepsFormatAndParameters() {
        Message m = new ParameterizedMessage("Can't save in background: fork: {}", "Cannot allocate memory");
        LogEvent out = DiagnosingRewritePolicy.newBuilder().build().rewrite(event(Level.ERROR, m, null));
        assertThat(out.getMessage().getFormat()).isEqualTo(m.getFormat());
        assertThat(out.getMessage().getParameters()).containsExactly("Cannot allocate memory");
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
    }

    @Test
    void causeChainOfTheThrowableIsDiagnosed() {
        Exception error = new IllegalStateException("save failed", new IOException(REDIS));
        LogEvent out = DiagnosingRewritePolicy.newBuilder().build()
                .rewrite(event(Level.WARN, new SimpleMessage("background job failed"), error));
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
        assertThat(out.getThrown()).isSameAs(error);
    }

    @Test
    void deserialisedEventWithOnlyAThrowableProxyIsDiagnosedFromIt() throws Exception {
        Exception error = new IllegalStateException("save failed", new IOException(REDIS));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Log4jLogEvent.serialize(event(Level.ERROR, new SimpleMessage("job failed"), error), false));
        }
        LogEvent received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (LogEvent) in.readObject();
        }
        assertThat(received.getThrown()).isNull();
        assertThat(received.getThrownProxy()).isNotNull();
        LogEvent out = DiagnosingRewritePolicy.newBuilder().build().rewrite(received);
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
        // the copy keeps the proxy: a layout prints the received stack trace from it
        assertThat(out.getThrownProxy()).isSameAs(received.getThrownProxy());
        // (whether a pattern prints a received proxy depends on the Log4j release: the same as for the source)
        for (String pattern : new String[] {"%xEx", "%ex"}) {
            org.apache.logging.log4j.core.layout.PatternLayout layout =
                    org.apache.logging.log4j.core.layout.PatternLayout.newBuilder().withPattern(pattern).build();
            assertThat(layout.toSerializable(out)).isEqualTo(layout.toSerializable(received));
        }
        // and it travels on as Log4j sends any event
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(again)) {
            o.writeObject(out);
        }
        LogEvent forwarded;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(again.toByteArray()))) {
            forwarded = (LogEvent) in.readObject();
        }
        assertThat(forwarded.getContextData().<String>getValue("kb.id")).isEqualTo("database/redis-bgsave-fork-error");
        assertThat(forwarded.getThrownProxy()).isNotNull();
        assertThat(forwarded.getMessage().getFormattedMessage()).isEqualTo(out.getMessage().getFormattedMessage());
    }

    @Test
    void entryWithoutUsableLiteralIsReportedAndSkippedUnlessAllowed(ListStatusListener status) {
        KnowledgeBaseElement weak = KnowledgeBaseElement.create("classpath:team-kb/weak.json");
        LogEvent in = event(Level.ERROR, new SimpleMessage("42 x"), null);
        assertThat(DiagnosingRewritePolicy.newBuilder().setBundled(false).setPrecisionGuard(false).setKnowledgeBases(weak).build().rewrite(in))
                .isSameAs(in);
        assertThat(status.findStatusData(Level.WARN)).anySatisfy(s ->
                assertThat(s.getMessage().getFormattedMessage()).contains("'team/weak'", "no literal text", "skipped"));
        LogEvent out = DiagnosingRewritePolicy.newBuilder().setBundled(false).setPrecisionGuard(false).setKnowledgeBases(weak)
                .setAllowUnanchored(true).build().rewrite(in);
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("team/weak");
    }

    @Test
    void directoryOfDeadendsCanonsIsAcceptedAsKnowledgeBase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path canon = dir.resolve("java/port-refused/jdk17.json");
        java.nio.file.Files.createDirectories(canon.getParent());
        java.nio.file.Files.writeString(canon, "{\"id\": \"java/port-refused/jdk17\", \"url\": \"https://example.org/canons/java/port-refused/jdk17\",  \"error\": {\"signature\": \"Fixture: port 8125 refused the metrics connection\", \"regex\": \"Fixture: port (?P<port_no>\\\\d+) refused the metrics connection\", \"domain\": \"java\", \"category\": \"network\"},  \"verdict\": {\"resolvable\": \"true\", \"fix_success_rate\": 0.8, \"confidence\": 0.7, \"summary\": \"A test canon: the metrics agent is not listening.\"},  \"dead_ends\": [], \"workarounds\": [{\"action\": \"Point the client at the agent's real port\", \"success_rate\": 0.85, \"sources\": []}],  \"transition_graph\": {\"leads_to\": [], \"preceded_by\": [], \"frequently_confused_with\": []}, \"metadata\": {\"evidence_count\": 1}}");
        LogEvent out = DiagnosingRewritePolicy.newBuilder().setBundled(false)
                .setKnowledgeBases(KnowledgeBaseElement.create(dir.toString())).build()
                .rewrite(event(Level.ERROR, new SimpleMessage("Fixture: port 8125 refused the metrics connection"), null));
        assertThat(out.getContextData().<String>getValue("kb.id")).isEqualTo("java/port-refused/jdk17");
    }

    @Test
    void failureWhileDiagnosingIsReportedAndTheEventPassesUnchanged(ListStatusListener status) {
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().build();
        Message hostile = new SimpleMessage(REDIS) {
            @Override
            public String getFormattedMessage() {
                throw new IllegalStateException("hostile message");
            }
        };
        LogEvent in = event(Level.ERROR, hostile, null);
        for (int i = 0; i < 10; i++) {
            assertThat(policy.rewrite(in)).isSameAs(in);
        }
        assertThat(status.findStatusData(Level.ERROR)).hasSize(3)
                .allSatisfy(s -> assertThat(s.getFormattedStatus()).contains("hostile message"));
    }

    @Test
    void badMinimumLevelAndLocaleAreReportedAndDefaultsUsed(ListStatusListener status) {
        DiagnosingRewritePolicy policy = DiagnosingRewritePolicy.newBuilder().setMinimumLevel("LOUD").setLocale("klingon").build();
        assertThat(status.findStatusData(Level.ERROR)).extracting(s -> s.getMessage().getFormattedMessage())
                .containsExactly(
                        "known-errors: minimumLevel 'LOUD' is not a level (TRACE, DEBUG, INFO, WARN, ERROR); using WARN",
                        "known-errors: unknown locale 'klingon' (expected en or zh); using en");
        assertThat(policy.rewrite(event(Level.WARN, new SimpleMessage(REDIS), null)).getMessage().getFormattedMessage())
                .contains("known error database/redis-bgsave-fork-error");
    }
}
