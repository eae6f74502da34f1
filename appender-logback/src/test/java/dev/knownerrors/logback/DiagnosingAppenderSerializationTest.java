package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.LoggingEventPreSerializationTransformer;
import ch.qos.logback.classic.net.SimpleSocketServer;
import ch.qos.logback.classic.net.SocketNode;
import ch.qos.logback.classic.net.server.HardenedLoggingEventInputStream;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logback's serialisation of events, as its SocketAppender does it: the appender's
 * {@link LoggingEventPreSerializationTransformer} turns the event into a {@code LoggingEventVO},
 * an {@link ObjectOutputStream} writes it, and the receiver reads it with
 * {@link HardenedLoggingEventInputStream}, which admits only an allow-list of classes. A
 * diagnosed event must cross wherever the plain event crosses, with its {@code kb.*} fields.
 */
class DiagnosingAppenderSerializationTest {

    static final String REDIS = "Can't save in background: fork: Cannot allocate memory";
    static final String KB_ID = "database/redis-bgsave-fork-error";

    LoggerContext context;
    Logger logger;
    ListAppender<ILoggingEvent> plain;
    ListAppender<ILoggingEvent> enriched;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        context = Logback.configure("DiagnosingAppenderSerializationTest-capture.xml", Map.of());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        plain = (ListAppender<ILoggingEvent>) root.getAppender("PLAIN");
        enriched = (ListAppender<ILoggingEvent>) ((DiagnosingAppender) root.getAppender("DIAGNOSE")).getAppender("ENRICHED");
        logger = context.getLogger("cache");
    }

    @AfterEach
    void tearDown() {
        context.getMDCAdapter().clear();
        context.stop();
        Logback.assertNoWarningsOrErrors(context);
    }

    /** One logging call: the event as logged and the one the DiagnosingAppender forwarded (diagnosed). */
    private List<ILoggingEvent> log(Consumer<Logger> call) {
        call.accept(logger);
        assertThat(plain.list).hasSize(1);
        assertThat(enriched.list).hasSize(1);
        ILoggingEvent forwarded = enriched.list.get(0);
        assertThat(forwarded).as("the forwarded event is the diagnosed copy").isNotSameAs(plain.list.get(0));
        assertThat(forwarded.getMDCPropertyMap()).containsEntry("kb.id", KB_ID);
        return List.of(plain.list.get(0), forwarded);
    }

    /** Serialised as SocketAppender does, read back as Logback's receivers do. */
    private ILoggingEvent roundTrip(ILoggingEvent event) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LoggingEventPreSerializationTransformer().transform(event));
        }
        try (HardenedLoggingEventInputStream in = new HardenedLoggingEventInputStream(context,
                new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ILoggingEvent) in.readObject();
        }
    }

    @Test
    void diagnosedEventWithMdcCrossesLikeThePlainOneWithItsMdcAndKbFields() throws Exception {
        context.getMDCAdapter().put("request_id", "r-42");
        context.getMDCAdapter().put("user", "alice");
        List<ILoggingEvent> events = log(l -> l.error(REDIS));

        ILoggingEvent plainReceived = roundTrip(events.get(0));
        ILoggingEvent received = roundTrip(events.get(1));

        assertThat(plainReceived.getMDCPropertyMap()).isEqualTo(Map.of("request_id", "r-42", "user", "alice"));
        assertThat(received.getMDCPropertyMap()).isEqualTo(events.get(1).getMDCPropertyMap())
                .containsEntry("request_id", "r-42").containsEntry("user", "alice").containsEntry("kb.id", KB_ID)
                .containsKeys("kb.root_cause", "kb.workaround", "kb.dead_end", "kb.doc_url", "kb.confidence");
        assertThat(received.getMessage()).isEqualTo(REDIS);
        assertThat(received.getLevel()).isEqualTo(events.get(0).getLevel());
        assertThat(received.getLoggerName()).isEqualTo("cache");
        assertThat(received.getTimeStamp()).isEqualTo(events.get(0).getTimeStamp());
        assertThat(received.getThreadName()).isEqualTo(events.get(0).getThreadName());
    }

    @Test
    void diagnosedEventWithoutMdcCrossesWithItsKbFields() throws Exception {
        List<ILoggingEvent> events = log(l -> l.error(REDIS));

        assertThat(roundTrip(events.get(0)).getMDCPropertyMap()).isEmpty();
        assertThat(roundTrip(events.get(1)).getMDCPropertyMap()).isEqualTo(events.get(1).getMDCPropertyMap());
    }

    @Test
    void forwardedMdcIsReadOnlyWithTheEventsEntriesFirstThenTheKbFields() {
        context.getMDCAdapter().put("request_id", "r-42");
        Map<String, String> mdc = log(l -> l.error(REDIS)).get(1).getMDCPropertyMap();

        assertThat(mdc.keySet()).containsExactly("request_id", "kb.id", "kb.root_cause", "kb.workaround", "kb.dead_end",
                "kb.doc_url", "kb.confidence");
        assertThatThrownBy(() -> mdc.put("kb.id", "forged")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mdc.entrySet().iterator().next().setValue("forged"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mdc.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(mdc).containsEntry("kb.id", KB_ID);
    }

    @Test
    void argumentsAndThrowableCrossButTheAppendedTextDoesNot() throws Exception {
        List<ILoggingEvent> events = log(l -> l.error("Saving {} failed", "dump.rdb", new IllegalStateException(REDIS)));
        assertThat(events.get(1).getFormattedMessage()).startsWith("Saving dump.rdb failed\n  \u2691 known error " + KB_ID);

        ILoggingEvent received = roundTrip(events.get(1));

        // Logback sends the message pattern and its arguments, not the formatted message.
        assertThat(received.getFormattedMessage()).isEqualTo(roundTrip(events.get(0)).getFormattedMessage())
                .isEqualTo("Saving dump.rdb failed");
        assertThat(received.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(received.getThrowableProxy().getMessage()).isEqualTo(REDIS);
        assertThat(received.getMDCPropertyMap()).containsEntry("kb.id", KB_ID);
    }

    @Test
    void eventWithKeyValuePairsIsRefusedByLogbackWithOrWithoutADiagnosis() {
        List<ILoggingEvent> events = log(l -> l.atError().addKeyValue("order", "o-7").setMessage(REDIS).log());
        assertThat(events.get(1).getKeyValuePairs()).isEqualTo(events.get(0).getKeyValuePairs())
                .containsExactly(new KeyValuePair("order", "o-7"));

        // org.slf4j.event.KeyValuePair is not Serializable: Logback cannot send such an event at all.
        for (ILoggingEvent event : events) {
            assertThatThrownBy(() -> roundTrip(event)).as(event.getClass().getName())
                    .isInstanceOf(NotSerializableException.class).hasMessage(KeyValuePair.class.getName());
        }
    }

    @Test
    void diagnosedEventReachesLogbacksSocketServerWithItsMdcAndKbFields() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        LoggerContext server = Logback.configure("DiagnosingAppenderSerializationTest-server.xml", Map.of());
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> received = (ListAppender<ILoggingEvent>) server.getLogger("cache").getAppender("RECEIVED");
        LoopbackSocketServer socketServer = new LoopbackSocketServer(server, port);
        socketServer.start();
        LoggerContext sender = Logback.configure("DiagnosingAppenderSerializationTest-socket.xml",
                Map.of("port", Integer.toString(port)));
        List<ILoggingEvent> got;
        boolean nodeClosed;
        try {
            sender.getMDCAdapter().put("request_id", "r-42");
            Logger cache = sender.getLogger("cache");
            cache.error(REDIS);
            cache.error("all is well");
            got = awaitEvents(received, 2);
        } finally {
            sender.getMDCAdapter().clear();
            sender.stop();
            // the server's socket node logs its "closing connection" into the server context as it ends: stopping
            // that context first (which resets its root from OFF to DEBUG, with no appender) made it report
            // "No appenders present" now and then
            nodeClosed = socketServer.nodeClosed.await(5, TimeUnit.SECONDS);
            socketServer.close();
            socketServer.join(5_000);
            server.stop();
        }
        assertThat(nodeClosed).as("the server side of the connection closed before the server context stopped").isTrue();
        assertThat(got).extracting(ILoggingEvent::getMessage).containsExactly(REDIS, "all is well");
        assertThat(got.get(0).getMDCPropertyMap()).containsEntry("request_id", "r-42").containsEntry("kb.id", KB_ID)
                .containsKeys("kb.root_cause", "kb.workaround", "kb.dead_end", "kb.doc_url", "kb.confidence");
        assertThat(got.get(1).getMDCPropertyMap()).isEqualTo(Map.of("request_id", "r-42"));
        Logback.assertNoWarningsOrErrors(sender);
        Logback.assertNoWarningsOrErrors(server);
    }

    private static List<ILoggingEvent> awaitEvents(ListAppender<ILoggingEvent> appender, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            synchronized (appender) { // AppenderBase.doAppend appends under this lock
                if (appender.list.size() >= count || System.nanoTime() > deadline) {
                    return List.copyOf(appender.list);
                }
            }
            Thread.sleep(20);
        }
    }

    /**
     * Logback's SimpleSocketServer, admitting clients on the loopback address: from 1.6 on it
     * refuses every client it was not told to allow, through this method, which 1.5 lacks (so no
     * {@code @Override}: this compiles against both).
     */
    static final class LoopbackSocketServer extends SimpleSocketServer {

        /** Counted down when the sender's connection has been closed on this side. */
        final CountDownLatch nodeClosed = new CountDownLatch(1);

        LoopbackSocketServer(LoggerContext context, int port) {
            super(context, port);
        }

        @Override
        public void socketNodeClosing(SocketNode node) {
            super.socketNodeClosing(node);
            nodeClosed.countDown();
        }

        protected boolean isClientAllowed(InetAddress address) {
            return address != null && address.isLoopbackAddress();
        }
    }
}
