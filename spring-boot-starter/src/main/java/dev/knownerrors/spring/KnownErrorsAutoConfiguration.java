package dev.knownerrors.spring;

import dev.knownerrors.kb.KnowledgeBase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@link KnownErrorsProperties} as a bean and offers the {@link KnowledgeBase} they
 * describe, for code that diagnoses on its own ({@code kb.diagnose(message, throwable)}).
 * The log installation itself is done earlier, by {@link KnownErrorsLoggingListener}; startup
 * failures are explained by {@link KnownErrorFailureAnalyzer}. Off with
 * {@code known-errors.enabled=false}. Stateless; the knowledge base is built on first use and
 * is immutable and thread-safe.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = KnownErrorsProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(KnownErrorsProperties.class)
public class KnownErrorsAutoConfiguration {

    /** Built on first use (the bundled KB is shared and costs nothing more). */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public KnowledgeBase knownErrorsKnowledgeBase(KnownErrorsProperties properties) {
        return properties.loadKnowledgeBase();
    }
}
