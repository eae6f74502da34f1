package dev.knownerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.internal.Diagnoser;
import dev.knownerrors.kb.internal.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Wraps the appenders given by {@code <appender-ref>} and forwards every event to them; an
 * event at or above {@code minimumLevel} that matches a known error is forwarded as a decorated
 * copy carrying the {@code kb.*} MDC fields and (with {@code appendToMessage}, the default) the
 * diagnosis text after its formatted message.
 *
 * <pre>{@code
 * <appender name="DIAGNOSE" class="dev.knownerrors.logback.DiagnosingAppender">
 *   <appender-ref ref="FILE"/>
 *   <knowledgeBase>/etc/known-errors</knowledgeBase>   <!-- any number of times -->
 * </appender>
 * }</pre>
 *
 * <p>Thread-safe. Cost: nothing for events below {@code minimumLevel}; one scan of message and
 * exception chain for the others. Configuration and KB problems go to Logback's status
 * channel; a failure while diagnosing is reported (the first few times) and the event is
 * forwarded unchanged.
 */
public class DiagnosingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final List<String> knowledgeBases = new ArrayList<>();
    private boolean bundled = true;
    private Level minimumLevel = Level.WARN;
    private String locale = "en";
    private boolean ascii;
    private boolean appendToMessage = true;
    private int maxScanLength = KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH;
    private boolean allowUnanchored;
    private String domains;
    private boolean precisionGuard = true;
    private String timeBudget;
    private volatile Diagnoser diagnoser;

    /** A KB location: a path, a {@code file:} URL or a {@code classpath:} resource. Repeatable. */
    public void addKnowledgeBase(String location) {
        knowledgeBases.add(location);
    }

    /** Whether to use the bundled KB too (default true). */
    public void setBundled(boolean bundled) {
        this.bundled = bundled;
    }

    /** Events below this level are forwarded without a look (default WARN). */
    public void setMinimumLevel(String level) {
        Level parsed = Level.toLevel(level, null);
        if (parsed == null) {
            addError("known-errors: minimumLevel '" + level + "' is not a level (TRACE, DEBUG, INFO, WARN, ERROR); keeping "
                    + minimumLevel);
        } else {
            minimumLevel = parsed;
        }
    }

    /** Language of the diagnosis text: {@code en} (default) or {@code zh}. */
    public void setLocale(String locale) {
        this.locale = locale;
    }

    /** Plain ASCII text instead of the default Unicode (default false). */
    public void setAscii(boolean ascii) {
        this.ascii = ascii;
    }

    /** Append the diagnosis text to the formatted message (default true); off when a pattern uses {@code %kb}. */
    public void setAppendToMessage(boolean appendToMessage) {
        this.appendToMessage = appendToMessage;
    }

    /** Cap on the scanned characters of one event (default 8192). */
    public void setMaxScanLength(int maxScanLength) {
        this.maxScanLength = maxScanLength;
    }

    /**
     * Run entries whose regex has no literal of three or more characters on every scanned event
     * (default false: they are reported and skipped).
     */
    public void setAllowUnanchored(boolean allowUnanchored) {
        this.allowUnanchored = allowUnanchored;
    }

    /** Comma-separated domains to use ({@code all} for every one); default: all but non-software domains. */
    public void setDomains(String domains) {
        this.domains = domains;
    }

    /** Drop broad entries that would diagnose ordinary log lines (default true). */
    public void setPrecisionGuard(boolean precisionGuard) {
        this.precisionGuard = precisionGuard;
    }

    /** Matching time allowed per event, e.g. {@code 1ms} (the default), {@code 500us}; {@code 0} for no limit. */
    public void setTimeBudget(String timeBudget) {
        this.timeBudget = timeBudget;
    }

    @Override
    public void start() {
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("known-errors: no <appender-ref> in DiagnosingAppender '" + getName()
                    + "'; it wraps the appenders that write the events, so it stays stopped");
            return;
        }
        try {
            if (maxScanLength < 1) {
                addError("known-errors: maxScanLength must be positive, was " + maxScanLength + "; using "
                        + KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH);
                maxScanLength = KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH;
            }
            Duration budget = KnowledgeBase.DEFAULT_TIME_BUDGET;
            if (timeBudget != null) {
                try {
                    budget = Durations.parse(timeBudget);
                } catch (IllegalArgumentException e) {
                    addError("known-errors: timeBudget " + e.getMessage() + "; using " + Durations.format(budget));
                }
            }
            KnowledgeBase kb = Diagnoser.knowledgeBase(knowledgeBases, bundled, maxScanLength, allowUnanchored,
                    domains, precisionGuard, budget);
            for (LoadProblem p : kb.problems()) {
                addWarn("known-errors: " + p);
            }
            addInfo("known-errors: " + kb.summary());
            kb.attributions().forEach(a -> addInfo("known-errors: knowledge base data from " + a));
            if (kb.entries().isEmpty()) {
                addWarn("known-errors: the knowledge base is empty; events are forwarded undiagnosed");
            }
            diagnoser = new Diagnoser(kb, Diagnoser.formatter(formatterLocale(), ascii), this::addError);
        } catch (RuntimeException | LinkageError e) {
            addError("known-errors: could not load the knowledge base; events are forwarded undiagnosed", e);
        }
        super.start();
    }

    private String formatterLocale() {
        try {
            dev.knownerrors.kb.Language.parse(locale);
            return locale;
        } catch (IllegalArgumentException e) {
            addError("known-errors: " + e.getMessage() + "; using en");
            return "en";
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        ILoggingEvent out = event;
        Diagnoser d = diagnoser;
        if (d != null && event.getLevel().isGreaterOrEqual(minimumLevel)) {
            try {
                Diagnoser.Result r = LogbackThrowableView.diagnose(d, event);
                if (r != null) {
                    out = new DiagnosedEvent(event, r.diagnosis(), r.text(), r.fields(), appendToMessage);
                }
            } catch (RuntimeException | StackOverflowError e) {
                d.report(e);
            }
        }
        appenders.appendLoopOnAppenders(out);
    }

    @Override
    public void stop() {
        super.stop();
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        addInfo("known-errors: attaching appender '" + appender.getName() + "' to '" + getName() + "'");
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}
