package dev.knownerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.internal.Diagnoser;
import dev.knownerrors.kb.internal.Durations;
import dev.knownerrors.kb.internal.Reloader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Wraps the appenders given by {@code <appender-ref>} and forwards every event to them; an
 * event at or above {@code minimumLevel} that matches a known error is forwarded as a decorated
 * copy carrying the {@code kb.*} MDC fields and (with {@code appendToMessage}, the default) the
 * diagnosis text after its formatted message. The full text block is shown once per known error
 * per {@code repeatWindow}; repeats within it get a one-line reference with a count (the MDC
 * fields are on every event).
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
    private String excludedDomains;
    private double minimumConfidence;
    private String repeatWindow;
    private String scanPeriod;
    /** Run-time reports waiting for this thread to release a wrapped appender's lock. */
    private final java.util.Queue<String> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private Duration budget = KnowledgeBase.DEFAULT_TIME_BUDGET;
    private volatile Diagnoser diagnoser;
    /** Whether a filter was added to this appender itself: then every event takes the base class's path. */
    private volatile boolean filtered;
    /** Failures of wrapped appenders on events below the minimum level; the first few are reported. */
    private final java.util.concurrent.atomic.AtomicInteger forwardFailures = new java.util.concurrent.atomic.AtomicInteger();
    private static final int REPORTED_FORWARD_FAILURES = 3;
    private Reloader reloader;

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
     * Run entries whose regex has no literal of four or more characters on every scanned event
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

    /** Comma-separated domains never to use, even when {@code domains} allows them (default: none). */
    public void setExcludedDomains(String excludedDomains) {
        this.excludedDomains = excludedDomains;
    }

    /** Leave out entries whose confidence is below this, 0 to 1; an entry without one counts as 0.5 (default 0). */
    public void setMinimumConfidence(double minimumConfidence) {
        this.minimumConfidence = minimumConfidence;
    }

    /**
     * After the full block, further events of the same known error within this window get a
     * one-line reference with a count ({@code 60 seconds}, {@code 500 ms}, {@code 5 minutes},
     * {@code PT1M}; default 60 seconds; {@code 0} prints the full block every time).
     */
    public void setRepeatWindow(String repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    /**
     * How often to look for changed KB files and directories, e.g. {@code 30 seconds} (default:
     * never). A change is loaded off the logging threads and used only when it is not worse.
     */
    public void setScanPeriod(String scanPeriod) {
        this.scanPeriod = scanPeriod;
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
            budget = KnowledgeBase.DEFAULT_TIME_BUDGET;
            if (timeBudget != null) {
                try {
                    budget = Durations.parse(timeBudget);
                } catch (IllegalArgumentException e) {
                    addError("known-errors: timeBudget " + e.getMessage() + "; using " + Durations.format(budget));
                }
            }
            if (!(minimumConfidence >= 0 && minimumConfidence <= 1)) {
                addError("known-errors: minimumConfidence must be between 0 and 1, was " + minimumConfidence
                        + "; using 0 (every entry)");
                minimumConfidence = 0;
            }
            Duration window = Diagnoser.DEFAULT_REPEAT_WINDOW;
            if (repeatWindow != null) {
                try {
                    window = Diagnoser.parseWindow(repeatWindow);
                } catch (IllegalArgumentException e) {
                    addError("known-errors: " + e.getMessage() + "; using " + window.toSeconds() + " seconds");
                }
            }
            Reloader watch = Reloader.watch(scanPeriod, knowledgeBases, this::addInfo, this::addWarn, this::addError);
            KnowledgeBase kb = loadKnowledgeBase();
            for (LoadProblem p : kb.problems()) {
                addWarn("known-errors: " + p);
            }
            addInfo("known-errors: " + kb.summary());
            kb.attributions().forEach(a -> addInfo("known-errors: knowledge base data from " + a));
            if (kb.entries().isEmpty()) {
                addWarn("known-errors: the knowledge base is empty; events are forwarded undiagnosed");
            }
            diagnoser = new Diagnoser(kb, Diagnoser.formatter(formatterLocale(), ascii), this::runtimeError, window);
            if (watch != null) {
                watch.start(diagnoser, this::loadKnowledgeBase, Reloader.ownThread(getName()));
                reloader = watch;
            }
        } catch (RuntimeException | LinkageError e) {
            addError("known-errors: could not load the knowledge base; events are forwarded undiagnosed", e);
        }
        super.start();
    }

    private KnowledgeBase loadKnowledgeBase() {
        return Diagnoser.knowledgeBase(knowledgeBases, bundled, maxScanLength, allowUnanchored, domains, precisionGuard,
                excludedDomains, minimumConfidence, budget);
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

    /**
     * An event below the minimum level goes straight to the wrapped appenders when this
     * appender has no filter of its own to ask: the base class's path (re-entry guard, filter
     * chain, then {@link #append}) has nothing to do for it but catch a wrapped appender's
     * failure, which this path catches too. Most events take this path (INFO
     * and below, by default). Through the base class's path such an event cost 15–140 ns more
     * than through a plain forwarding appender, varying from run to run; through this one,
     * the same (BENCHMARKS.md, "The wrapping layers…").
     */
    @Override
    public void doAppend(ILoggingEvent event) {
        if (!filtered && isStarted() && !event.getLevel().isGreaterOrEqual(minimumLevel)) {
            try {
                appenders.appendLoopOnAppenders(event);
            } catch (RuntimeException e) { // caught on the base class's path too: never into the logging call
                forwardFailed(e);
            }
            if (!deferred.isEmpty() && !holdsWrappedAppendersLock()) {
                flushDeferred();
            }
            return;
        }
        super.doAppend(event);
    }

    /** Reports a wrapped appender's failure as the base class does, the first few times. */
    private void forwardFailed(RuntimeException e) {
        if (forwardFailures.incrementAndGet() <= REPORTED_FORWARD_FAILURES) {
            addError("Appender [" + getName() + "] failed to append.", e);
        }
    }

    @Override
    public void addFilter(Filter<ILoggingEvent> filter) {
        filtered = true;
        super.addFilter(filter);
    }

    @Override
    protected void append(ILoggingEvent event) {
        ILoggingEvent out = event;
        Diagnoser d = diagnoser;
        if (d != null && event.getLevel().isGreaterOrEqual(minimumLevel)) {
            try {
                Diagnoser.Result r = LogbackThrowableView.diagnose(d, event);
                if (r != null) {
                    out = new DiagnosedEvent(event, r, appendToMessage);
                }
            } catch (RuntimeException | StackOverflowError e) {
                d.report(e);
            }
        }
        appenders.appendLoopOnAppenders(out);
        if (!deferred.isEmpty() && !holdsWrappedAppendersLock()) {
            flushDeferred();
        }
    }

    /**
     * Reports a run-time problem (a quarantine, a budget overrun, a failure) through the status
     * manager, unless this thread holds the lock of a wrapped appender: then the report waits
     * until the outermost append returns. Logback calls status listeners under a lock of its
     * status manager; a listener that logs would reach that wrapped appender, and wait for it,
     * while this thread waits for the status manager: a deadlock. Reports are rare; the check
     * costs nothing until there is one.
     */
    private void runtimeError(String message) {
        if (holdsWrappedAppendersLock()) {
            deferred.add(message);
            return;
        }
        flushDeferred();
        addError(message);
    }

    private boolean holdsWrappedAppendersLock() {
        for (Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders(); it.hasNext(); ) {
            if (Thread.holdsLock(it.next())) {
                return true;
            }
        }
        return false;
    }

    private void flushDeferred() {
        for (String m = deferred.poll(); m != null; m = deferred.poll()) {
            addError(m);
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (reloader != null) {
            reloader.stop();
            reloader = null;
        }
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
