package dev.knownerrors.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knownerrors.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration, the property binding and the metadata the configuration processor writes. */
class KnownErrorsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KnownErrorsAutoConfiguration.class));

    @Test
    void the_auto_configuration_is_registered_the_spring_boot_3_way() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(KnownErrorsAutoConfiguration.class.getName());
        }
    }

    @Test
    void the_knowledge_base_bean_is_the_shared_bundled_one_by_default() {
        runner.run(context -> {
            KnowledgeBase kb = context.getBean(KnowledgeBase.class);
            assertThat(kb).isSameAs(KnowledgeBase.bundled());
            assertThat(kb.diagnose("call failed", new ConnectException("Connection refused")))
                    .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("network/connection-refused"));
        });
    }

    @Test
    void properties_bind_with_their_spring_names() {
        runner.withPropertyValues("known-errors.knowledge-base=classpath:team-kb/inventory.json",
                "known-errors.bundled=false", "known-errors.minimum-level=error", "known-errors.locale=zh",
                "known-errors.domains=network,spring", "known-errors.max-scan-length=4096",
                "known-errors.append-to-message=false", "known-errors.precision-guard=false").run(context -> {
            KnownErrorsProperties p = context.getBean(KnownErrorsProperties.class);
            assertThat(p.getKnowledgeBase()).containsExactly("classpath:team-kb/inventory.json");
            assertThat(p.getMinimumLevel()).isEqualTo(LogLevel.ERROR);
            assertThat(p.getLocale()).isEqualTo("zh");
            assertThat(p.domainList()).isEqualTo("network,spring");
            assertThat(p.getMaxScanLength()).isEqualTo(4096);
            assertThat(p.isAppendToMessage()).isFalse();
            assertThat(p.isPrecisionGuard()).isFalse();
            assertThat(context.getBean(KnowledgeBase.class).entries()).extracting(e -> e.id())
                    .containsExactly("team/inventory-unreachable");
        });
    }

    @Test
    void filters_durations_and_reload_bind_with_their_spring_names() {
        runner.withPropertyValues("known-errors.excluded-domains=network,database", "known-errors.minimum-confidence=0.9",
                "known-errors.repeat-window=5m", "known-errors.time-budget=500us", "known-errors.scan-period=30s")
                .run(context -> {
                    KnownErrorsProperties p = context.getBean(KnownErrorsProperties.class);
                    assertThat(p.excludedDomainList()).isEqualTo("network,database");
                    assertThat(p.getMinimumConfidence()).isEqualTo(0.9);
                    assertThat(p.getRepeatWindow()).isEqualTo(java.time.Duration.ofMinutes(5));
                    assertThat(p.getTimeBudget()).isEqualTo(java.time.Duration.ofNanos(500_000));
                    assertThat(p.getScanPeriod()).isEqualTo(java.time.Duration.ofSeconds(30));
                    KnowledgeBase kb = context.getBean(KnowledgeBase.class);
                    assertThat(kb.timeBudget()).isEqualTo(java.time.Duration.ofNanos(500_000));
                    assertThat(kb.entries()).isNotEmpty().noneMatch(e -> "network".equals(e.domain())
                            || "database".equals(e.domain()));
                    assertThat(kb.entries()).allMatch(e -> e.confidence() != null && e.confidence() >= 0.9);
                });
    }

    @Test
    void the_defaults_are_the_adapters_defaults() {
        KnownErrorsProperties p = new KnownErrorsProperties();
        assertThat(p.getMaxScanLength()).isEqualTo(KnowledgeBase.DEFAULT_MAX_SCAN_LENGTH);
        assertThat(p.getTimeBudget()).isEqualTo(KnowledgeBase.DEFAULT_TIME_BUDGET);
        assertThat(p.getRepeatWindow()).isEqualTo(dev.knownerrors.kb.internal.Diagnoser.DEFAULT_REPEAT_WINDOW);
        assertThat(p.getScanPeriod()).isNull();
        assertThat(p.getMinimumLevel()).isEqualTo(LogLevel.WARN);
        assertThat(p.isEnabled()).isTrue();
        assertThat(p.isBundled()).isTrue();
        assertThat(p.domainList()).isNull();
    }

    @Test
    void disabled_there_is_no_bean() {
        runner.withPropertyValues("known-errors.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KnowledgeBase.class)
                        .doesNotHaveBean(KnownErrorsProperties.class));
    }

    @Test
    void a_knowledge_base_of_the_application_replaces_the_one_of_the_starter() {
        KnowledgeBase own = KnowledgeBase.builder().bundled(false).source("classpath:team-kb/inventory.json").build();
        runner.withBean(KnowledgeBase.class, () -> own)
                .run(context -> assertThat(context.getBean(KnowledgeBase.class)).isSameAs(own));
    }

    @Test
    void the_configuration_metadata_documents_every_property() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.path("properties").forEach(p -> {
            names.add(p.path("name").asText());
            assertThat(p.path("description").asText()).as(p.path("name").asText()).isNotBlank();
        });
        List<String> locales = new ArrayList<>();
        metadata.path("hints").forEach(h -> {
            if (h.path("name").asText().equals("known-errors.locale")) {
                h.path("values").forEach(v -> locales.add(v.path("value").asText()));
            }
        });
        assertThat(locales).containsExactly("en", "zh");
        assertThat(names).containsExactlyInAnyOrder("known-errors.enabled", "known-errors.knowledge-base",
                "known-errors.bundled", "known-errors.minimum-level", "known-errors.locale", "known-errors.ascii",
                "known-errors.append-to-message", "known-errors.domains", "known-errors.precision-guard",
                "known-errors.max-scan-length", "known-errors.allow-unanchored", "known-errors.excluded-domains",
                "known-errors.minimum-confidence", "known-errors.repeat-window", "known-errors.time-budget",
                "known-errors.scan-period");
    }
}
