package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.ThrowableView;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What both logging adapters do with one event, in one place so that their text and fields are
 * identical: diagnose the message and throwable chain, then render the text and the fields.
 * Never throws: a failure is passed to the error reporter (the first few only) and the event is
 * treated as undiagnosed. Not part of the public API.
 *
 * <p><b>Repeats.</b> The first event of an entry gets the full text block; further events of the
 * same entry within the repeat window (default 60 s, counted from that first event) get a
 * one-line reference with a count instead; the first event after the window gets the full block
 * again. The fields are the same on every event. State: one small record per entry that has
 * matched (the KB is finite), updated with a compare-and-set; the clock is read only for events
 * that matched.
 */
public final class Diagnoser {

    /** How many failures are reported through the framework's status channel before going quiet. */
    static final int REPORTED_FAILURES = 3;
    /** How long the full block is not repeated for the same entry, unless configured otherwise. */
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofSeconds(60);

    private final DiagnosisFormatter formatter;
    private final Consumer<String> errors;
    private final AtomicInteger failures = new AtomicInteger();
    private final Duration repeatWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** The KB in use and what was rendered from it; replaced as a whole by {@link #use}, so an event sees one KB. */
    private volatile InUse inUse;
    private final java.util.concurrent.atomic.AtomicBoolean overrunReported = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A KB with its renderings: text, fields and repeat count depend only on the entry, one per
     * entry (bounded by the KB's size); and how many of its quarantined entries were reported.
     */
    private record InUse(KnowledgeBase kb, Map<String, Rendered> rendered, AtomicInteger quarantinesReported) {
    }

    /** One entry's rendering (its block, its fields, its repeat reference but for the count), its current repeat window, and the adapter's slot. */
    private static final class Rendered {
        final String text;
        final Map<String, String> fields;
        final DiagnosisFormatter.RepeatLine repeat;
        final AtomicReference<Window> window = new AtomicReference<>();
        final Slot slot = new Slot();

        Rendered(String text, Map<String, String> fields, DiagnosisFormatter.RepeatLine repeat) {
            this.text = text;
            this.fields = fields;
            this.repeat = repeat;
        }

        /** Counts one event at {@code now}; returns how many the current window has seen, this one included. */
        long seen(long now, long windowNanos) {
            while (true) {
                Window w = window.get();
                if (w != null && now - w.start < windowNanos) {
                    return w.seen.incrementAndGet();
                }
                if (window.compareAndSet(w, new Window(now, new AtomicLong(1)))) {
                    return 1;
                }
            }
        }
    }

    private record Window(long start, AtomicLong seen) {
    }

    /**
     * What an adapter keeps per rendering (Log4j 2: the entry's fields as frozen context data),
     * so that it needs no map of its own. A rendering belongs to one KB in use: after a reload
     * the slots start empty.
     */
    public static final class Slot {
        private volatile Object value;

        /** What was put here, or {@code null}. */
        public Object get() {
            return value;
        }

        /** Keeps {@code v} for the next events of this rendering (the last one put wins). */
        public void set(Object v) {
            value = v;
        }
    }

    /** A diagnoser with the default repeat window. */
    public Diagnoser(KnowledgeBase kb, DiagnosisFormatter formatter, Consumer<String> errors) {
        this(kb, formatter, errors, DEFAULT_REPEAT_WINDOW);
    }

    /** A diagnoser whose full block is shown once per entry per {@code repeatWindow}; zero shows it every time. */
    public Diagnoser(KnowledgeBase kb, DiagnosisFormatter formatter, Consumer<String> errors, Duration repeatWindow) {
        this(kb, formatter, errors, repeatWindow, System::nanoTime);
    }

    Diagnoser(KnowledgeBase kb, DiagnosisFormatter formatter, Consumer<String> errors, Duration repeatWindow,
              LongSupplier nanoClock) {
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("repeatWindow must not be negative, was " + repeatWindow);
        }
        this.formatter = formatter;
        this.errors = errors;
        this.repeatWindow = repeatWindow;
        this.windowNanos = repeatWindow.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : repeatWindow.toNanos();
        this.nanoClock = nanoClock;
        use(kb);
    }

    /** Puts another KB in use (hot reload); events already being diagnosed finish with the previous one. */
    public void use(KnowledgeBase kb) {
        inUse = new InUse(kb, new ConcurrentHashMap<>(), new AtomicInteger());
    }

    /**
     * Loads the KB for an adapter's settings (filters applied at build time); the shared
     * bundled instance when nothing else is asked for, and the one built before when the
     * settings and the KB files are unchanged (a reconfiguration). Problems are left in
     * {@link KnowledgeBase#problems()} for the adapter to report.
     */
    public static KnowledgeBase knowledgeBase(List<String> sources, boolean bundled, int maxScanLength,
                                              boolean allowUnanchored, String domains, boolean precisionGuard,
                                              String excludedDomains, double minimumConfidence, Duration timeBudget) {
        List<String> allowed = split(domains);
        List<String> excluded = split(excludedDomains);
        if (sources.isEmpty() && bundled && maxScanLength == KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH && !allowUnanchored
                && allowed.isEmpty() && precisionGuard && excluded.isEmpty() && minimumConfidence <= 0
                && timeBudget.equals(KnowledgeBase.DEFAULT_TIME_BUDGET)) {
            return KnowledgeBase.bundled();
        }
        // every argument goes into the key: a setting left out would hand out a KB built with another value
        List<Object> settings = List.of(List.copyOf(sources), bundled, maxScanLength, allowUnanchored, allowed,
                precisionGuard, excluded, minimumConfidence, timeBudget);
        return SharedKnowledgeBases.get(sources, settings, () -> KnowledgeBase.builder().sources(sources)
                .bundled(bundled).maxScanLength(maxScanLength).allowUnanchored(allowUnanchored).domains(allowed)
                .precisionGuard(precisionGuard).excludedDomains(excluded).minimumConfidence(minimumConfidence)
                .timeBudget(timeBudget).build());
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split("\\s*,\\s*"));
    }

    /**
     * Reads a repeat window: a whole number with a unit ({@code 60 seconds}, {@code 60s},
     * {@code 500 ms}, {@code 5 minutes}, {@code 1h}), a plain number of milliseconds (as in
     * Logback and Spring Boot), or ISO-8601 ({@code PT1M}). {@code 0} turns repeat suppression off.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Duration parseWindow(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("repeatWindow '" + text + "' is not a duration (e.g. 60 seconds, 60s, "
                    + "500 ms, 5 minutes, PT1M; 0 turns repeat suppression off)");
        }
    }

    public static DiagnosisFormatter formatter(String locale, boolean ascii) {
        return DiagnosisFormatter.of(Language.parse(locale), ascii);
    }

    /** The KB in use. */
    public KnowledgeBase knowledgeBase() {
        return inUse.kb();
    }

    public DiagnosisFormatter formatter() {
        return formatter;
    }

    /** The result for one event, or {@code null} when nothing matched or diagnosing failed. */
    public <T> Result diagnose(String message, T thrown, ThrowableView<T> view) {
        InUse current = inUse;
        try {
            Optional<Diagnosis> d = current.kb().diagnose(message, thrown, view);
            watchBudget(current);
            if (d.isEmpty()) {
                return null;
            }
            Diagnosis diagnosis = d.get();
            Rendered r = current.rendered().get(diagnosis.id()); // ids are unique within one KB
            if (r == null) {
                r = current.rendered().computeIfAbsent(diagnosis.id(),
                        id -> new Rendered(formatter.suffix(diagnosis), formatter.fields(diagnosis),
                                formatter.repeatLine(diagnosis, repeatWindow)));
            }
            long seen = windowNanos == 0 ? 1 : r.seen(nanoClock.getAsLong(), windowNanos);
            String text = seen == 1 ? r.text : r.repeat.suffix(seen);
            return new Result(diagnosis, text, r.fields, seen, repeatWindow, r.slot);
        } catch (RuntimeException | StackOverflowError e) {
            report(e);
            return null;
        }
    }

    /**
     * Reports, through the adapter's channel, the first budget overrun and each quarantined
     * entry once, without holding a lock. A few volatile reads per event when there is nothing new.
     */
    private void watchBudget(InUse current) {
        KnowledgeBase kb = current.kb();
        // no lock may be held while reporting: a status listener can log, and that event comes back here
        if (!overrunReported.get() && kb.budgetOverruns() > 0 && overrunReported.compareAndSet(false, true)) {
            kb.firstOverrun().ifPresent(what -> errors.accept("known-errors: " + what
                    + " (further overruns are not reported; an entry that keeps using up the budget is quarantined)"));
        }
        List<LoadProblem> quarantined = kb.quarantined();
        AtomicInteger reported = current.quarantinesReported();
        for (int done = reported.get(); done < quarantined.size(); done = reported.get()) {
            if (reported.compareAndSet(done, done + 1)) {
                errors.accept("known-errors: " + quarantined.get(done));
            }
        }
    }

    /** Reports a failure through the adapter's channel, the first few times only. */
    public void report(Throwable e) {
        int n = failures.incrementAndGet();
        if (n <= REPORTED_FAILURES) {
            String tail = n == REPORTED_FAILURES ? " (further failures are not reported)" : "";
            errors.accept("known-errors: diagnosing an event failed; the event was passed on unchanged: " + e + tail);
        }
    }

    /**
     * One diagnosed event.
     *
     * @param text what goes after the message: a line break and the text block, or for a repeat
     *             within the window a line break and the one-line reference
     * @param fields the {@code kb.*} structured fields (the same on every event of the entry)
     * @param seen how many events of this entry the current repeat window has seen, this one
     *             included; 1 means the full block
     * @param repeatWindow the window the count refers to
     * @param slot what the adapter keeps for this entry's rendering (see {@link Slot})
     */
    public record Result(Diagnosis diagnosis, String text, Map<String, String> fields, long seen,
                         Duration repeatWindow, Slot slot) {

        /** The same text rendered by another formatter (another language or ASCII), repeat rule included. */
        public String text(DiagnosisFormatter other) {
            return seen <= 1 ? other.suffix(diagnosis) : other.repeatLine(diagnosis, repeatWindow).suffix(seen);
        }
    }
}
