package dev.knownerrors.spring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.knownerrors.logback.DiagnosingAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Logback: a {@link DiagnosingAppender} named {@value #APPENDER_NAME} that wraps the root
 * logger's appenders (attached to root first, the wrapped ones detached after, so no event is
 * lost while it happens). A reconfiguration found by Logback's {@code scan} resets the context
 * and drops it; this installer listens for that and installs it again.
 */
final class LogbackInstaller implements LoggingInstaller {

    static final String APPENDER_NAME = "KNOWN_ERRORS";
    private static final int MAX_NESTING = 8;

    private final LoggerContext context;
    private final ContextAwareBase status;
    private final ConfigurationEventListener reconfigurationListener = this::onConfigurationEvent;
    private boolean listening;
    private volatile boolean changeDetected;
    private volatile KnownErrorsProperties properties;
    private DiagnosingAppender installed;
    private String lastNote;

    private LogbackInstaller(LoggerContext context) {
        this.context = context;
        this.status = new ContextAwareBase();
        this.status.setContext(context);
    }

    static LogbackInstaller ifActive() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? new LogbackInstaller(context) : null;
    }

    @Override
    public synchronized void ensure(KnownErrorsProperties properties) {
        this.properties = properties;
        if (!listening) {
            context.addConfigurationEventListener(reconfigurationListener);
            listening = true;
        }
        DiagnosingAppender present = findDiagnosingAppender();
        if (present != null && present == installed) {
            return;
        }
        if (present != null) {
            note(APPENDER_NAME.equals(present.getName())
                    ? "known-errors: the root logger is already diagnosed (installed by an earlier application in this JVM); kept as it is"
                    : "known-errors: the logging configuration has its own DiagnosingAppender '" + present.getName()
                            + "'; the Spring Boot starter installs none");
            return;
        }
        install(properties);
    }

    private void install(KnownErrorsProperties properties) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> wrapped = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(wrapped::add);
        if (wrapped.isEmpty()) {
            note("known-errors: the root logger has no appender to wrap; nothing is diagnosed");
            return;
        }
        DiagnosingAppender appender = new DiagnosingAppender();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        configure(appender, properties);
        wrapped.forEach(appender::addAppender);
        appender.start();
        if (!appender.isStarted()) {
            wrapped.forEach(appender::detachAppender);
            status.addError("known-errors: the DiagnosingAppender did not start; logging stays as configured");
            return;
        }
        root.addAppender(appender);
        wrapped.forEach(root::detachAppender);
        installed = appender;
        lastNote = null;
        List<String> names = wrapped.stream().map(Appender::getName).toList();
        status.addInfo("known-errors: the root logger's appenders " + names + " are wrapped in '" + APPENDER_NAME + "'");
    }

    /** One line per property; a new adapter property is one more line here and in Log4j2Installer. */
    private static void configure(DiagnosingAppender appender, KnownErrorsProperties p) {
        p.getKnowledgeBase().forEach(appender::addKnowledgeBase);
        appender.setBundled(p.isBundled());
        appender.setMinimumLevel(p.getMinimumLevel() == LogLevel.FATAL ? "ERROR" : p.getMinimumLevel().name());
        appender.setLocale(p.getLocale());
        appender.setAscii(p.isAscii());
        appender.setAppendToMessage(p.isAppendToMessage());
        appender.setDomains(p.domainList());
        appender.setPrecisionGuard(p.isPrecisionGuard());
        appender.setMaxScanLength(p.getMaxScanLength());
        appender.setAllowUnanchored(p.isAllowUnanchored());
        appender.setExcludedDomains(p.excludedDomainList());
        appender.setMinimumConfidence(p.getMinimumConfidence());
        appender.setRepeatWindow(KnownErrorsProperties.adapterDuration(p.getRepeatWindow()));
        appender.setTimeBudget(KnownErrorsProperties.adapterDuration(p.getTimeBudget()));
        appender.setScanPeriod(KnownErrorsProperties.adapterDuration(p.getScanPeriod()));
    }

    /** A DiagnosingAppender anywhere in the context: on any logger, or nested in one that wraps others. */
    private DiagnosingAppender findDiagnosingAppender() {
        for (Logger logger : context.getLoggerList()) {
            DiagnosingAppender found = find(logger, 0);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static DiagnosingAppender find(AppenderAttachable<ILoggingEvent> parent, int depth) {
        for (Iterator<Appender<ILoggingEvent>> it = parent.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof DiagnosingAppender diagnosing) {
                return diagnosing;
            }
            if (appender instanceof AppenderAttachable<?> nested && depth < MAX_NESTING) {
                DiagnosingAppender found = find((AppenderAttachable<ILoggingEvent>) nested, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Logback's scan: CHANGE_DETECTED, then reset and configuration, then a configuration that
     * ended successfully. Only a reconfiguration that follows a detected change is acted on, so
     * Spring Boot's own initialisation (handled by the listener) is never interrupted.
     */
    private void onConfigurationEvent(ConfigurationEvent event) {
        switch (event.getEventType()) {
            case CHANGE_DETECTED -> changeDetected = true;
            case CONFIGURATION_ENDED_SUCCESSFULLY, PARTIAL_CONFIGURATION_ENDED_SUCCESSFULLY -> {
                if (changeDetected) {
                    changeDetected = false;
                    try {
                        ensure(properties);
                    } catch (RuntimeException | LinkageError e) {
                        error("known-errors: could not diagnose the reconfigured root logger", e);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void note(String message) {
        if (!message.equals(lastNote)) {
            lastNote = message;
            status.addInfo(message);
        }
    }

    @Override
    public void error(String message, Throwable cause) {
        status.addError(message, cause);
    }

    @Override
    public synchronized void close() {
        context.removeConfigurationEventListener(reconfigurationListener);
        listening = false;
    }
}
