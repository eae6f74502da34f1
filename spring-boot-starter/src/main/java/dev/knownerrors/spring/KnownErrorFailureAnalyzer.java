package dev.knownerrors.spring;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a startup failure whose exception chain matches a known error into Spring Boot's
 * "APPLICATION FAILED TO START" report: the description names the entry and gives its root
 * cause, the action its best workaround, the dead end to skip and the documentation.
 *
 * <p>Spring's own analyzers win. {@link Ordered#LOWEST_PRECEDENCE} alone does not ensure it:
 * most of them declare no order, which counts as the same lowest precedence, so their relative
 * order would be the order of the jars on the class path. This analyzer therefore asks every
 * other registered analyzer first and steps aside when one of them explains the failure.
 *
 * <p>Loaded by Spring Boot from {@code META-INF/spring.factories}; runs once, on a failed start.
 */
public class KnownErrorFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final BeanFactory beanFactory;
    private final Environment environment;

    /** Both are {@code null} when the application failed before it had a context. */
    public KnownErrorFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
        this.beanFactory = beanFactory;
        this.environment = environment;
    }

    /** The analysis, or {@code null} when the KB does not know the failure, another analyzer explains it, or anything goes wrong. */
    @Override
    public FailureAnalysis analyze(Throwable failure) {
        try {
            KnownErrorsProperties properties = environment == null ? new KnownErrorsProperties()
                    : KnownErrorsProperties.bind(environment);
            if (!properties.isEnabled()) {
                return null;
            }
            KnowledgeBase kb = properties.loadKnowledgeBase();
            Optional<Diagnosis> diagnosis = kb.diagnose(null, failure);
            if (diagnosis.isEmpty() || explainedElsewhere(failure)) {
                return null;
            }
            FailureReport report = new FailureReport(kb, DiagnosisFormatter.of(language(properties), properties.isAscii()));
            return new FailureAnalysis(report.description(diagnosis.get(), failure), report.action(diagnosis.get()),
                    failure);
        } catch (RuntimeException | LinkageError e) {
            return null; // e.g. known-errors.* itself does not bind: Spring Boot's own analyzer reports that
        }
    }

    private static Language language(KnownErrorsProperties properties) {
        try {
            return Language.parse(properties.getLocale());
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
    }

    /** Whether the failure carries its own analysis or another registered analyzer explains it. */
    private boolean explainedElsewhere(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof FailureAnalyzedException) {
                return true;
            }
        }
        ClassLoader classLoader = beanFactory instanceof ConfigurableBeanFactory configurable
                ? configurable.getBeanClassLoader() : getClass().getClassLoader();
        ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, beanFactory)
                .and(Environment.class, environment);
        for (FailureAnalyzer other : SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
                .load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, e) -> { }))) {
            if (other instanceof KnownErrorFailureAnalyzer) {
                continue;
            }
            try {
                if (other.analyze(failure) != null) {
                    return true;
                }
            } catch (RuntimeException | LinkageError e) {
                // as Spring Boot does with a failing analyzer: it explains nothing
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
