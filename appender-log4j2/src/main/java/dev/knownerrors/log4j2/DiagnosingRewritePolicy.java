package dev.knownerrors.log4j2;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.internal.Diagnoser;
import dev.knownerrors.kb.internal.Durations;
import dev.knownerrors.kb.internal.Reloader;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Scheduled;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.StringMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A policy for Log4j's {@code <Rewrite>} appender: an event at or above {@code minimumLevel}
 * that matches a known error is rewritten into a copy carrying the {@code kb.*} context data
 * and (with {@code appendToMessage}, the default) the diagnosis text after its message; every
 * other event passes as the same object. The full text block is shown once per known error per
 * {@code repeatWindow}; repeats within it get a one-line reference with a count (the context
 * data is on every event).
 *
 * <pre>{@code
 * <Rewrite name="Diagnose">
 *   <AppenderRef ref="File"/>
 *   <DiagnosingRewritePolicy minimumLevel="WARN">
 *     <KnowledgeBase location="/etc/known-errors"/>
 *   </DiagnosingRewritePolicy>
 * </Rewrite>
 * }</pre>
 *
 * <p>Thread-safe. Cost: nothing below {@code minimumLevel}; one scan of message and exception
 * chain otherwise. Problems go to the StatusLogger; a failure while diagnosing is reported
 * (the first few times) and the event passes unchanged.
 */
@Plugin(name = "DiagnosingRewritePolicy", category = Core.CATEGORY_NAME, elementType = "rewritePolicy",
        printObject = true)
@Scheduled // scanPeriod runs on the configuration's scheduler, which stops with the configuration
public final class DiagnosingRewritePolicy implements RewritePolicy {

    private final Diagnoser diagnoser;
    private final Level minimumLevel;
    private final boolean appendToMessage;

    private DiagnosingRewritePolicy(Diagnoser diagnoser, Level minimumLevel, boolean appendToMessage) {
        this.diagnoser = diagnoser;
        this.minimumLevel = minimumLevel;
        this.appendToMessage = appendToMessage;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public LogEvent rewrite(LogEvent source) {
        if (diagnoser == null || !source.getLevel().isMoreSpecificThan(minimumLevel)) {
            return source;
        }
        try {
            Diagnoser.Result r = Log4jThrowableView.diagnose(diagnoser, source);
            if (r == null) {
                return source;
            }
            StringMap data = ContextDataFactory.createContextData(source.getContextData());
            for (Map.Entry<String, String> field : r.fields().entrySet()) {
                data.putValue(field.getKey(), field.getValue());
            }
            data.freeze();
            // Not Log4jLogEvent.Builder(source): it asks the event for its caller's location, a stack
            // walk per diagnosed event even when no layout prints it. Left out, the copy finds the
            // location lazily, on this same thread, only if a layout or an async hand-off asks.
            return new Log4jLogEvent.Builder()
                    .setLoggerFqcn(source.getLoggerFqcn())
                    .setLoggerName(source.getLoggerName())
                    .setLevel(source.getLevel())
                    .setMarker(source.getMarker())
                    .setThrown(source.getThrown())
                    .setInstant(source.getInstant())
                    .setNanoTime(source.getNanoTime())
                    .setThreadId(source.getThreadId())
                    .setThreadName(source.getThreadName())
                    .setThreadPriority(source.getThreadPriority())
                    .setContextStack(source.getContextStack())
                    .setEndOfBatch(source.isEndOfBatch())
                    .setIncludeLocation(source.isIncludeLocation())
                    .setMessage(new DiagnosedMessage(source.getMessage(), r, appendToMessage))
                    .setContextData(data)
                    .build();
        } catch (RuntimeException | StackOverflowError e) {
            diagnoser.report(e);
            return source;
        }
    }

    @Override
    public String toString() {
        return "DiagnosingRewritePolicy(minimumLevel=" + minimumLevel + ", appendToMessage=" + appendToMessage + ")";
    }

    /** Builds the policy from its XML attributes and elements; problems go to the StatusLogger. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<DiagnosingRewritePolicy> {

        @PluginElement("KnowledgeBase")
        private KnowledgeBaseElement[] knowledgeBases;

        @PluginBuilderAttribute
        private boolean bundled = true;

        @PluginBuilderAttribute
        private String minimumLevel = "WARN";

        @PluginBuilderAttribute
        private String locale = "en";

        @PluginBuilderAttribute
        private boolean ascii;

        @PluginBuilderAttribute
        private boolean appendToMessage = true;

        @PluginBuilderAttribute
        private int maxScanLength = KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH;

        @PluginBuilderAttribute
        private boolean allowUnanchored;

        @PluginBuilderAttribute
        private String domains;

        @PluginBuilderAttribute
        private boolean precisionGuard = true;

        @PluginBuilderAttribute
        private String timeBudget;

        @PluginBuilderAttribute
        private String excludedDomains;

        @PluginBuilderAttribute
        private double minimumConfidence;

        @PluginBuilderAttribute
        private String repeatWindow;

        @PluginBuilderAttribute
        private String scanPeriod;

        @PluginConfiguration
        private Configuration configuration;

        public Builder setKnowledgeBases(KnowledgeBaseElement... knowledgeBases) {
            this.knowledgeBases = knowledgeBases;
            return this;
        }

        public Builder setBundled(boolean bundled) {
            this.bundled = bundled;
            return this;
        }

        public Builder setMinimumLevel(String minimumLevel) {
            this.minimumLevel = minimumLevel;
            return this;
        }

        public Builder setLocale(String locale) {
            this.locale = locale;
            return this;
        }

        public Builder setAscii(boolean ascii) {
            this.ascii = ascii;
            return this;
        }

        public Builder setAppendToMessage(boolean appendToMessage) {
            this.appendToMessage = appendToMessage;
            return this;
        }

        public Builder setMaxScanLength(int maxScanLength) {
            this.maxScanLength = maxScanLength;
            return this;
        }

        public Builder setAllowUnanchored(boolean allowUnanchored) {
            this.allowUnanchored = allowUnanchored;
            return this;
        }

        public Builder setDomains(String domains) {
            this.domains = domains;
            return this;
        }

        public Builder setPrecisionGuard(boolean precisionGuard) {
            this.precisionGuard = precisionGuard;
            return this;
        }

        public Builder setTimeBudget(String timeBudget) {
            this.timeBudget = timeBudget;
            return this;
        }

        /** Comma-separated domains never to use, even when {@code domains} allows them (default: none). */
        public Builder setExcludedDomains(String excludedDomains) {
            this.excludedDomains = excludedDomains;
            return this;
        }

        /** Leave out entries whose confidence is below this, 0 to 1; absent counts as 0.5 (default 0). */
        public Builder setMinimumConfidence(double minimumConfidence) {
            this.minimumConfidence = minimumConfidence;
            return this;
        }

        /** Full block once per known error per window, then a counted one-line reference ("60 seconds"; "0": always the block). */
        public Builder setRepeatWindow(String repeatWindow) {
            this.repeatWindow = repeatWindow;
            return this;
        }

        /** How often to look for changed KB files, e.g. {@code 30 seconds} (default: never). */
        public Builder setScanPeriod(String scanPeriod) {
            this.scanPeriod = scanPeriod;
            return this;
        }

        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        @Override
        public DiagnosingRewritePolicy build() {
            StatusLogger status = StatusLogger.getLogger();
            Level level = Level.toLevel(minimumLevel, null);
            if (level == null) {
                status.error("known-errors: minimumLevel '{}' is not a level (TRACE, DEBUG, INFO, WARN, ERROR); using WARN",
                        minimumLevel);
                level = Level.WARN;
            }
            String language = locale;
            try {
                Language.parse(locale);
            } catch (IllegalArgumentException e) {
                status.error("known-errors: {}; using en", e.getMessage());
                language = "en";
            }
            int scan = maxScanLength < 1 ? KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH : maxScanLength;
            if (maxScanLength < 1) {
                status.error("known-errors: maxScanLength must be positive, was {}; using {}", maxScanLength, scan);
            }
            double confidence = minimumConfidence;
            if (!(confidence >= 0 && confidence <= 1)) {
                status.error("known-errors: minimumConfidence must be between 0 and 1, was {}; using 0 (every entry)",
                        confidence);
                confidence = 0;
            }
            Duration window = Diagnoser.DEFAULT_REPEAT_WINDOW;
            if (repeatWindow != null) {
                try {
                    window = Diagnoser.parseWindow(repeatWindow);
                } catch (IllegalArgumentException e) {
                    status.error("known-errors: {}; using {} seconds", e.getMessage(), window.toSeconds());
                }
            }
            List<String> locations = new ArrayList<>();
            if (knowledgeBases != null) {
                for (KnowledgeBaseElement kb : knowledgeBases) {
                    if (kb != null) {
                        locations.add(kb.location());
                    }
                }
            }
            Diagnoser diagnoser = null;
            try {
                Duration parsedBudget = KnowledgeBase.DEFAULT_TIME_BUDGET;
                if (timeBudget != null) {
                    try {
                        parsedBudget = Durations.parse(timeBudget);
                    } catch (IllegalArgumentException e) {
                        status.error("known-errors: timeBudget {}; using {}", e.getMessage(), Durations.format(parsedBudget));
                    }
                }
                Duration budget = parsedBudget;
                double minConfidence = confidence;
                Supplier<KnowledgeBase> load = () -> Diagnoser.knowledgeBase(locations, bundled, scan, allowUnanchored,
                        domains, precisionGuard, excludedDomains, minConfidence, budget);
                Reloader watch = Reloader.watch(scanPeriod, locations, status::info, status::warn, status::error);
                KnowledgeBase kb = load.get();
                for (LoadProblem p : kb.problems()) {
                    status.warn("known-errors: {}", p);
                }
                status.info("known-errors: {}", kb.summary());
                kb.attributions().forEach(a -> status.info("known-errors: knowledge base data from {}", a));
                if (kb.entries().isEmpty()) {
                    status.warn("known-errors: the knowledge base is empty; events pass undiagnosed");
                }
                diagnoser = new Diagnoser(kb, Diagnoser.formatter(language, ascii), status::error, window);
                ConfigurationScheduling.start(watch, diagnoser, load, configuration);
            } catch (RuntimeException | LinkageError e) {
                status.error("known-errors: could not load the knowledge base; events pass undiagnosed", e);
            }
            return new DiagnosingRewritePolicy(diagnoser, level, appendToMessage);
        }
    }
}
