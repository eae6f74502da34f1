package dev.knownerrors.cli;

import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.LoadProblem;
import dev.knownerrors.kb.internal.Durations;
import dev.knownerrors.kb.internal.Sanitizer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The knowledge-base options shared by {@code scan} and {@code explain} (a picocli mixin). */
final class KbOptions {

    @Option(names = "--kb", paramLabel = "LOCATION",
            description = "A knowledge-base source: a file, a directory, a file: URL or a classpath: "
                    + "resource. Repeatable; loaded before the bundled KB, so your entries replace bundled ones.")
    List<String> locations = new ArrayList<>();

    @Option(names = "--no-bundled", description = "Do not load the knowledge base shipped with the tool.")
    boolean noBundled;

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN",
            description = "Domains to use (comma-separated; 'all' for every one). Default: all but non-software domains.")
    List<String> domains = List.of();

    @Option(names = "--exclude-domains", split = ",", paramLabel = "DOMAIN",
            description = "Domains never to use (comma-separated), even when --domains allows them.")
    List<String> excludedDomains = List.of();

    @Option(names = "--min-confidence", paramLabel = "0..1", converter = ConfidenceConverter.class,
            description = "Leave out entries whose confidence is below this (an entry without one counts as 0.5). "
                    + "Default: 0, every entry.")
    double minConfidence;

    @Option(names = "--no-precision-guard", description = "Keep broad entries that would diagnose ordinary log lines.")
    boolean noPrecisionGuard;

    @Option(names = "--allow-unanchored", description = "Also run entries whose regex has no literal of 4+ "
            + "characters (they are skipped by default: they would run on every event).")
    boolean allowUnanchored;

    @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "1ms", converter = DurationConverter.class,
            description = "Matching time allowed per event, e.g. 1ms, 500us; 0 for no limit (default: ${DEFAULT-VALUE}). "
                    + "An event that uses it up is left undiagnosed; an entry that keeps doing it is quarantined.")
    Duration timeBudget = KnowledgeBase.DEFAULT_TIME_BUDGET;

    @Option(names = "--locale", paramLabel = "en|zh", defaultValue = "en", converter = LanguageConverter.class,
            description = "Language of the diagnosis (default: ${DEFAULT-VALUE}).")
    Language language = Language.EN;

    @Option(names = "--ascii", description = "Print the diagnosis in printable ASCII only.")
    boolean ascii;

    /** Loads the KB; each load problem becomes a warning line on {@code err}. */
    KnowledgeBase load(PrintWriter err) {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(!noBundled).allowUnanchored(allowUnanchored).domains(domains)
                .precisionGuard(!noPrecisionGuard).excludedDomains(excludedDomains).minimumConfidence(minConfidence)
                .timeBudget(timeBudget).sources(locations).build();
        for (LoadProblem p : kb.problems()) {
            err.println(KnownErrorsCommand.PREFIX + "warning: " + Sanitizer.oneLine(p.toString(), ascii));
        }
        err.flush();
        return kb;
    }

    /** After a scan: how many events ran out of matching time, and each quarantined entry, as warnings. */
    void reportBudget(KnowledgeBase kb, PrintWriter err) {
        if (kb.budgetOverruns() > 0) {
            err.println(KnownErrorsCommand.PREFIX + "warning: " + kb.budgetOverruns() + " event(s) used up the "
                    + Durations.format(kb.timeBudget()) + " matching time budget and were left undiagnosed"
                    + " (--time-budget sets it)");
        }
        for (LoadProblem p : kb.quarantined()) {
            err.println(KnownErrorsCommand.PREFIX + "warning: " + Sanitizer.oneLine(p.toString(), ascii));
        }
        err.flush();
    }

    DiagnosisFormatter formatter() {
        return DiagnosisFormatter.of(language, ascii);
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ConfidenceConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (!(d >= 0 && d <= 1)) {
                throw new TypeConversionException("'" + value + "' is not a confidence between 0 and 1");
            }
            return d;
        }
    }

    static final class LanguageConverter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
