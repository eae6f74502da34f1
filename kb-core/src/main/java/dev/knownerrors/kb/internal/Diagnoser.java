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
import java.util.function.Consumer;

/**
 * What both logging adapters do with one event, in one place so that their text and fields are
 * identical: diagnose the message and throwable chain, then render the text and the fields.
 * Never throws: a failure is passed to the error reporter (the first few only) and the event is
 * treated as undiagnosed. Not part of the public API.
 */
public final class Diagnoser {

    /** How many failures are reported through the framework's status channel before going quiet. */
    static final int REPORTED_FAILURES = 3;

    private final KnowledgeBase kb;
    private final DiagnosisFormatter formatter;
    private final Consumer<String> errors;
    private final AtomicInteger failures = new AtomicInteger();
    /** Text and fields depend only on the entry: rendered once per entry (bounded by the KB's size). */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private volatile boolean overrunReported;
    private volatile int quarantinesReported;

    private record Rendered(String text, Map<String, String> fields) {
    }

    public Diagnoser(KnowledgeBase kb, DiagnosisFormatter formatter, Consumer<String> errors) {
        this.kb = kb;
        this.formatter = formatter;
        this.errors = errors;
    }

    /**
     * Loads the KB for an adapter's settings; the shared bundled instance when nothing else is
     * asked for. Problems are left in {@link KnowledgeBase#problems()} for the adapter to report.
     */
    public static KnowledgeBase knowledgeBase(List<String> sources, boolean bundled, int maxScanLength,
                                              boolean allowUnanchored, String domains, boolean precisionGuard,
                                              Duration timeBudget) {
        List<String> domainList = domains == null || domains.isBlank() ? List.of() : List.of(domains.split("\\s*,\\s*"));
        if (sources.isEmpty() && bundled && maxScanLength == KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH && !allowUnanchored
                && domainList.isEmpty() && precisionGuard && timeBudget.equals(KnowledgeBase.DEFAULT_TIME_BUDGET)) {
            return KnowledgeBase.bundled();
        }
        return KnowledgeBase.builder().sources(sources).bundled(bundled).maxScanLength(maxScanLength)
                .allowUnanchored(allowUnanchored).domains(domainList).precisionGuard(precisionGuard)
                .timeBudget(timeBudget).build();
    }

    public static DiagnosisFormatter formatter(String locale, boolean ascii) {
        return DiagnosisFormatter.of(Language.parse(locale), ascii);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public DiagnosisFormatter formatter() {
        return formatter;
    }

    /** The result for one event, or {@code null} when nothing matched or diagnosing failed. */
    public <T> Result diagnose(String message, T thrown, ThrowableView<T> view) {
        try {
            Optional<Diagnosis> d = kb.diagnose(message, thrown, view);
            watchBudget();
            if (d.isEmpty()) {
                return null;
            }
            Rendered r = rendered.get(d.get().id()); // ids are unique within one KB
            if (r == null) {
                r = new Rendered(formatter.suffix(d.get()), formatter.fields(d.get()));
                rendered.put(d.get().id(), r);
            }
            return new Result(d.get(), r.text(), r.fields());
        } catch (RuntimeException | StackOverflowError e) {
            report(e);
            return null;
        }
    }

    /**
     * Reports, through the adapter's channel, the first budget overrun and each quarantined
     * entry once. Two volatile reads per event when there is nothing new.
     */
    private void watchBudget() {
        if (!overrunReported && kb.budgetOverruns() > 0) {
            synchronized (this) {
                if (!overrunReported) {
                    overrunReported = true;
                    kb.firstOverrun().ifPresent(what -> errors.accept("known-errors: " + what
                            + " (further overruns are not reported; an entry that keeps using up the budget is quarantined)"));
                }
            }
        }
        List<LoadProblem> quarantined = kb.quarantined();
        int n = quarantined.size();
        if (n > quarantinesReported) {
            synchronized (this) {
                for (int i = quarantinesReported; i < n; i++) {
                    errors.accept("known-errors: " + quarantined.get(i));
                }
                quarantinesReported = Math.max(quarantinesReported, n);
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
     * @param text what goes after the message: a line break and the text block
     * @param fields the {@code kb.*} structured fields
     */
    public record Result(Diagnosis diagnosis, String text, Map<String, String> fields) {
    }
}
