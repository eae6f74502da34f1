package dev.knownerrors.spring;

import dev.knownerrors.log4j2.DiagnosingAppender;
import dev.knownerrors.log4j2.KnowledgeBaseElement;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.status.StatusLogger;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Log4j 2: a {@link DiagnosingAppender} named {@value #APPENDER_NAME} in front of the root
 * logger's appenders (attached to root first, the wrapped ones removed after). A configuration
 * that has a diagnosing appender or rewrite policy of its own is left alone. Every
 * reconfiguration of the context ({@code monitorInterval}, {@code LoggerContext.reconfigure()})
 * replaces the configuration and drops it; this installer listens for the new configuration and
 * installs it again.
 */
final class Log4j2Installer implements LoggingInstaller, PropertyChangeListener {

    static final String APPENDER_NAME = "KnownErrors";
    private static final Logger STATUS = StatusLogger.getLogger();
    private static final int MAX_CONFIGURATION_BYTES = 1 << 20;
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private final LoggerContext context;
    private boolean listening;
    private volatile KnownErrorsProperties properties;
    private Appender installed;
    private String lastNote;

    private Log4j2Installer(LoggerContext context) {
        this.context = context;
    }

    static Log4j2Installer ifActive(ClassLoader classLoader) {
        return LogManager.getContext(classLoader, false) instanceof LoggerContext context
                ? new Log4j2Installer(context) : null;
    }

    @Override
    public synchronized void ensure(KnownErrorsProperties properties) {
        this.properties = properties;
        if (!listening) {
            context.addPropertyChangeListener(this);
            listening = true;
        }
        Configuration config = context.getConfiguration();
        Appender present = config.getAppender(APPENDER_NAME);
        if (present != null && present == installed) {
            return;
        }
        String own = ownDiagnosingAppender(config);
        if (own != null) {
            note("known-errors: the logging configuration has its own DiagnosingAppender '" + own
                    + "'; the Spring Boot starter installs none");
            return;
        }
        if (namesDiagnosingRewritePolicy(config)) {
            note("known-errors: the logging configuration has its own DiagnosingRewritePolicy; the Spring Boot starter installs none");
            return;
        }
        if (present != null) {
            note("known-errors: the root logger is already diagnosed (installed by an earlier application in this JVM); kept as it is");
            return;
        }
        install(config, properties);
    }

    private void install(Configuration config, KnownErrorsProperties properties) {
        LoggerConfig root = config.getRootLogger();
        Map<String, Appender> wrapped = new LinkedHashMap<>(root.getAppenders());
        if (wrapped.isEmpty()) {
            note("known-errors: the root logger has no appender to wrap; nothing is diagnosed");
            return;
        }
        Map<String, AppenderRef> declared = new HashMap<>();
        root.getAppenderRefs().forEach(ref -> declared.put(ref.getRef(), ref));
        List<AppenderRef> refs = new ArrayList<>();
        for (String name : wrapped.keySet()) {
            AppenderRef ref = declared.get(name); // its level and filter go with it, as on the root logger
            refs.add(ref != null ? ref : AppenderRef.createAppenderRef(name, null, null));
        }
        DiagnosingAppender appender = configure(DiagnosingAppender.newBuilder(), properties).setName(APPENDER_NAME)
                .setAppenderRefs(refs.toArray(AppenderRef[]::new)).setConfiguration(config).build();
        appender.start();
        config.addAppender(appender);
        root.addAppender(appender, null, null);
        wrapped.keySet().forEach(root::removeAppender);
        context.updateLoggers();
        installed = appender;
        lastNote = null;
        STATUS.info("known-errors: the root logger's appenders {} are wrapped in '{}'", wrapped.keySet(), APPENDER_NAME);
    }

    /** One line per property; a new adapter property is one more line here and in LogbackInstaller. */
    private static DiagnosingAppender.Builder configure(DiagnosingAppender.Builder builder, KnownErrorsProperties p) {
        return builder
                .setKnowledgeBases(p.getKnowledgeBase().stream().map(KnowledgeBaseElement::create)
                        .toArray(KnowledgeBaseElement[]::new))
                .setBundled(p.isBundled())
                .setMinimumLevel(p.getMinimumLevel().name())
                .setLocale(p.getLocale())
                .setAscii(p.isAscii())
                .setAppendToMessage(p.isAppendToMessage())
                .setDomains(p.domainList())
                .setPrecisionGuard(p.isPrecisionGuard())
                .setMaxScanLength(p.getMaxScanLength())
                .setAllowUnanchored(p.isAllowUnanchored())
                .setExcludedDomains(p.excludedDomainList())
                .setMinimumConfidence(p.getMinimumConfidence())
                .setRepeatWindow(KnownErrorsProperties.adapterDuration(p.getRepeatWindow()))
                .setTimeBudget(KnownErrorsProperties.adapterDuration(p.getTimeBudget()))
                .setScanPeriod(KnownErrorsProperties.adapterDuration(p.getScanPeriod()));
    }

    /** The name of a DiagnosingAppender the configuration declares itself (not one installed here), or null. */
    private static String ownDiagnosingAppender(Configuration config) {
        for (Appender a : config.getAppenders().values()) {
            if (a instanceof DiagnosingAppender && !APPENDER_NAME.equals(a.getName())) {
                return a.getName();
            }
        }
        return null;
    }

    /**
     * Whether the configuration's source names a DiagnosingRewritePolicy (XML comments left
     * out). Read from the source because nothing else tells: Log4j removes the nodes a plugin
     * consumed from the node tree while it builds the configuration, and a RewriteAppender does
     * not expose its policy. A composite configuration (Boot's {@code logging.log4j2.config.override})
     * is judged by its first source only.
     */
    private static boolean namesDiagnosingRewritePolicy(Configuration config) {
        ConfigurationSource source = config.getConfigurationSource();
        if (source == null || source == ConfigurationSource.NULL_SOURCE) {
            return false;
        }
        try {
            ConfigurationSource fresh = source.resetInputStream();
            if (fresh == null) {
                return false;
            }
            try (InputStream in = fresh.getInputStream()) {
                String text = new String(in.readNBytes(MAX_CONFIGURATION_BYTES), StandardCharsets.UTF_8);
                return XML_COMMENT.matcher(text).replaceAll("").toLowerCase(Locale.ROOT)
                        .contains("diagnosingrewritepolicy");
            }
        } catch (IOException e) {
            STATUS.warn("known-errors: could not read the logging configuration {} to look for a DiagnosingRewritePolicy",
                    source.getLocation(), e);
            return false;
        }
    }

    /** A new configuration replaced the old one (and with it the installed appender). */
    @Override
    public void propertyChange(PropertyChangeEvent event) {
        KnownErrorsProperties current = properties;
        if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName()) && current != null) {
            try {
                ensure(current);
            } catch (RuntimeException | LinkageError e) {
                error("known-errors: could not diagnose the reconfigured root logger", e);
            }
        }
    }

    private void note(String message) {
        if (!message.equals(lastNote)) {
            lastNote = message;
            STATUS.info(message);
        }
    }

    @Override
    public void error(String message, Throwable cause) {
        STATUS.error(message, cause);
    }

    @Override
    public synchronized void close() {
        context.removePropertyChangeListener(this);
        listening = false;
    }
}
