package dev.knownerrors.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.knownerrors.logback.DiagnosingAppender;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of a real file appender fed the same realistic stream ({@link Stream}), bare and
 * wrapped by the diagnosing component ({@code DiagnosingAppender}: Logback's around a
 * {@code FileAppender}, Log4j 2's around a {@code File} or {@code RandomAccessFile} appender),
 * with the bundled KB and default settings (minimumLevel WARN). Compare {@code wrapped} with
 * {@code bare} of the same backend and mix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class AppenderBenchmark {

    /** {@code logback-memory}: the same encoder into a stream that discards, to see our CPU cost without the file's I/O. */
    @Param({"logback-file", "log4j2-file", "log4j2-raf", "logback-memory"})
    public String backend;

    /**
     * Not run by default ({@code -p mode=...}): {@code layer}, wrapped but with the minimum level
     * OFF, so no event is scanned: what the extra appender layer alone costs; {@code ascii},
     * wrapped with {@code ascii=true}: diagnosis text in printable ASCII only;
     * {@code fields}, wrapped with {@code appendToMessage=false}: the diagnosis only in the
     * {@code kb.*} fields, no text written (the pattern here prints none of them); {@code pass},
     * a plain appender that forwards every event to the file appender and does nothing else
     * (Logback: an {@code UnsynchronizedAppenderBase}; Log4j 2: an {@code AbstractAppender}
     * calling the file appender's {@code AppenderControl}): what any wrapping appender costs,
     * the floor under {@code layer}; {@code rewrite} (Log4j 2), Log4j's {@code Rewrite} appender
     * with the {@code DiagnosingRewritePolicy} instead of our appender (what the Spring Boot
     * starter sets up); {@code converter}, no wrapper: the file appender's pattern ends the
     * message with {@code %kb}, the pattern converter that diagnoses on its own (WARN and up, the
     * bundled KB, the text after the message as {@code wrapped} writes it).
     */
    @Param({"bare", "wrapped"})
    public String mode;

    /** Not run by default ({@code -p mix=...}): {@code info95benign}, see {@link Stream}. */
    @Param({"info95", "allScanned"})
    public String mix;

    private static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger - %msg%n";

    private Stream.Event[] events;
    private int next;
    private Path dir;
    private LoggerContext logback;
    private org.slf4j.Logger slf4j;
    private org.apache.logging.log4j.core.LoggerContext log4j;
    private org.apache.logging.log4j.Logger log4jLogger;

    @Setup
    public void setup() throws IOException {
        events = Stream.events(mix);
        Stream.checkKnownErrors(mix, events);
        dir = Files.createTempDirectory("appender-bench");
        boolean wrapped = !mode.equals("bare") && !mode.equals("converter");
        if (backend.startsWith("logback-")) {
            setupLogback(dir.resolve("app.log"), wrapped);
        } else {
            setupLog4j(dir.resolve("app.log"), backend.equals("log4j2-raf"), wrapped);
        }
    }

    private void setupLogback(Path file, boolean wrapped) {
        logback = new LoggerContext();
        logback.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logback);
        if (mode.equals("converter")) {
            java.util.Map<String, java.util.function.Supplier<ch.qos.logback.core.pattern.DynamicConverter<?>>> rules = new java.util.HashMap<>();
            rules.put("kb", dev.knownerrors.logback.DiagnosisConverter::new);
            logback.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        encoder.setPattern(PATTERN.replace("%msg", mode.equals("converter") ? "%msg%kb" : "%msg"));
        encoder.start();
        OutputStreamAppender<ILoggingEvent> fileAppender;
        if (backend.equals("logback-memory")) {
            fileAppender = new OutputStreamAppender<>();
            fileAppender.setOutputStream(java.io.OutputStream.nullOutputStream());
        } else {
            FileAppender<ILoggingEvent> onDisk = new FileAppender<>();
            onDisk.setFile(file.toString());
            onDisk.setAppend(false);
            fileAppender = onDisk;
        }
        fileAppender.setContext(logback);
        fileAppender.setName("FILE");
        fileAppender.setEncoder(encoder);
        fileAppender.start();
        Appender<ILoggingEvent> top = fileAppender;
        if (mode.equals("pass")) {
            Pass pass = new Pass();
            pass.setContext(logback);
            pass.to = fileAppender;
            pass.start();
            top = pass;
        } else if (wrapped) {
            DiagnosingAppender diagnosing = new DiagnosingAppender();
            diagnosing.setContext(logback);
            diagnosing.setName("DIAGNOSE");
            diagnosing.addAppender(fileAppender);
            if (mode.equals("layer")) {
                diagnosing.setMinimumLevel("OFF");
            }
            if (mode.equals("ascii")) {
                diagnosing.setAscii(true);
            }
            if (mode.equals("fields")) {
                diagnosing.setAppendToMessage(false);
            }
            diagnosing.start();
            top = diagnosing;
        }
        ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        root.addAppender(top);
        slf4j = logback.getLogger("bench.orders");
    }

    private void setupLog4j(Path file, boolean raf, boolean wrapped) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("bench");
        b.setStatusLevel(org.apache.logging.log4j.Level.WARN);
        AppenderComponentBuilder fileAppender = b.newAppender("FILE", raf ? "RandomAccessFile" : "File")
                .addAttribute("fileName", file.toString()).addAttribute("append", false)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", PATTERN.replace("%msg", mode.equals("converter") ? "%msg%kb" : "%msg")));
        b.add(fileAppender);
        String top = "FILE";
        if (mode.equals("rewrite")) {
            b.add(b.newAppender("DIAGNOSE", "Rewrite")
                    .addComponent(b.newAppenderRef("FILE"))
                    .addComponent(b.newComponent("DiagnosingRewritePolicy")));
            top = "DIAGNOSE";
        } else if (wrapped && !mode.equals("pass")) {
            AppenderComponentBuilder diagnosing = b.newAppender("DIAGNOSE", "DiagnosingAppender")
                    .addComponent(b.newAppenderRef("FILE"));
            if (mode.equals("layer")) {
                diagnosing.addAttribute("minimumLevel", "OFF");
            }
            if (mode.equals("fields")) {
                diagnosing.addAttribute("appendToMessage", false);
            }
            if (mode.equals("ascii")) {
                diagnosing.addAttribute("ascii", true);
            }
            b.add(diagnosing);
            top = "DIAGNOSE";
        }
        b.add(b.newRootLogger(org.apache.logging.log4j.Level.INFO).add(b.newAppenderRef(top)));
        log4j = new org.apache.logging.log4j.core.LoggerContext("bench-" + backend + "-" + mode);
        log4j.start(b.build(false));
        if (mode.equals("pass")) {
            org.apache.logging.log4j.core.config.Configuration c = log4j.getConfiguration();
            Pass4j pass = new Pass4j(new org.apache.logging.log4j.core.config.AppenderControl(c.getAppender("FILE"), null, null));
            pass.start();
            c.addAppender(pass);
            org.apache.logging.log4j.core.config.LoggerConfig root = c.getRootLogger();
            root.removeAppender("FILE");
            root.addAppender(pass, null, null);
            log4j.updateLoggers();
        }
        log4jLogger = log4j.getLogger("bench.orders");
    }

    @Benchmark
    public void log() {
        Stream.Event e = events[next];
        next = next == events.length - 1 ? 0 : next + 1;
        if (slf4j != null) {
            switch (e.level()) {
                case INFO -> slf4j.info(e.format(), e.arg());
                case WARN -> slf4j.warn(e.format(), e.arg(), e.error());
                default -> slf4j.error(e.format(), e.arg(), e.error());
            }
        } else {
            switch (e.level()) {
                case INFO -> log4jLogger.info(e.format(), e.arg());
                case WARN -> log4jLogger.warn(e.format(), e.arg(), e.error());
                default -> log4jLogger.error(e.format(), e.arg(), e.error());
            }
        }
    }

    /** The {@code pass} mode's appender: forwards every event to one appender, nothing else. */
    static final class Pass extends ch.qos.logback.core.UnsynchronizedAppenderBase<ILoggingEvent> {
        Appender<ILoggingEvent> to;

        @Override
        protected void append(ILoggingEvent e) {
            to.doAppend(e);
        }
    }

    /** The {@code pass} mode's appender on Log4j 2: forwards every event to one appender through its control. */
    static final class Pass4j extends org.apache.logging.log4j.core.appender.AbstractAppender {
        private final org.apache.logging.log4j.core.config.AppenderControl to;

        Pass4j(org.apache.logging.log4j.core.config.AppenderControl to) {
            super("PASS", null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY);
            this.to = to;
        }

        @Override
        public void append(org.apache.logging.log4j.core.LogEvent event) {
            to.callAppender(event);
        }
    }

    /** {@link #log} as a {@code Runnable} (a JDK type): how {@link PerEventCost} calls a setup in a class loader of its own. */
    public Runnable logger() {
        return this::log;
    }

    @TearDown
    public void tearDown() throws IOException {
        if (logback != null) {
            logback.stop();
        }
        if (log4j != null) {
            log4j.stop();
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
