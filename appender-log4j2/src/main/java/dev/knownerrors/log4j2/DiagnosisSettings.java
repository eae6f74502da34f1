package dev.knownerrors.log4j2;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.internal.Diagnoser;
import dev.knownerrors.kb.internal.Durations;
import dev.knownerrors.kb.internal.Reloader;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.status.StatusLogger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The settings that {@link DiagnosingRewritePolicy} and {@link DiagnosingAppender} read from
 * their XML attributes and {@code <KnowledgeBase>} elements (Log4j injects a builder's fields,
 * its superclasses' included), and what they make of them: the KB loaded, the diagnoser, the
 * minimum level. Problems go to the StatusLogger.
 *
 * @param <B> the builder itself, so that its setters chain
 */
abstract class DiagnosisSettings<B extends DiagnosisSettings<B>> {

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

    public B setKnowledgeBases(KnowledgeBaseElement... knowledgeBases) {
        this.knowledgeBases = knowledgeBases;
        return self();
    }

    public B setBundled(boolean bundled) {
        this.bundled = bundled;
        return self();
    }

    public B setMinimumLevel(String minimumLevel) {
        this.minimumLevel = minimumLevel;
        return self();
    }

    public B setLocale(String locale) {
        this.locale = locale;
        return self();
    }

    public B setAscii(boolean ascii) {
        this.ascii = ascii;
        return self();
    }

    public B setAppendToMessage(boolean appendToMessage) {
        this.appendToMessage = appendToMessage;
        return self();
    }

    public B setMaxScanLength(int maxScanLength) {
        this.maxScanLength = maxScanLength;
        return self();
    }

    public B setAllowUnanchored(boolean allowUnanchored) {
        this.allowUnanchored = allowUnanchored;
        return self();
    }

    public B setDomains(String domains) {
        this.domains = domains;
        return self();
    }

    public B setPrecisionGuard(boolean precisionGuard) {
        this.precisionGuard = precisionGuard;
        return self();
    }

    public B setTimeBudget(String timeBudget) {
        this.timeBudget = timeBudget;
        return self();
    }

    /** Comma-separated domains never to use, even when {@code domains} allows them (default: none). */
    public B setExcludedDomains(String excludedDomains) {
        this.excludedDomains = excludedDomains;
        return self();
    }

    /** Leave out entries whose confidence is below this, 0 to 1; absent counts as 0.5 (default 0). */
    public B setMinimumConfidence(double minimumConfidence) {
        this.minimumConfidence = minimumConfidence;
        return self();
    }

    /** Full block once per known error per window, then a counted one-line reference ("60 seconds"; "0": always the block). */
    public B setRepeatWindow(String repeatWindow) {
        this.repeatWindow = repeatWindow;
        return self();
    }

    /** How often to look for changed KB files, e.g. {@code 30 seconds} (default: never). */
    public B setScanPeriod(String scanPeriod) {
        this.scanPeriod = scanPeriod;
        return self();
    }

    public B setConfiguration(Configuration configuration) {
        this.configuration = configuration;
        return self();
    }

    Configuration configuration() {
        return configuration;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** What the settings give: a diagnoser ({@code null} when the KB could not be loaded), the level, the text switch. */
    record Prepared(Diagnoser diagnoser, Level minimumLevel, boolean appendToMessage) {
    }

    /** Loads the KB and builds the diagnoser; every bad setting is reported and replaced by its default. */
    Prepared prepare() {
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
        return new Prepared(diagnoser, level, appendToMessage);
    }
}
