package dev.knownerrors.kb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The bundled KB, read from its one-file-per-entry sources, and every entry's own examples
 * and counter-examples run through the real matcher with the winner rule applied.
 */
class BundledKnowledgeBaseTest {

    static final String SOURCES = "src/main/kb";
    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.builder().bundled(false).source(SOURCES).build();
    }

    @Test
    void everySourceFileLoadsWithoutProblems() {
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).hasSizeGreaterThanOrEqualTo(31);
    }

    @Test
    void bundledResourceHoldsExactlyTheSourceEntries() {
        KnowledgeBase bundled = KnowledgeBase.bundled();
        assertThat(bundled.problems()).isEmpty();
        assertThat(bundled.entries()).extracting(KnownError::id)
                .containsExactlyInAnyOrderElementsOf(kb.entries().stream().map(KnownError::id).toList());
    }

    @Test
    void everyEntryIsCompleteEnoughToHelp() {
        assertThat(kb.entries()).allSatisfy(e -> {
            assertThat(e.id()).as("id").matches("[a-z0-9-]+/[a-z0-9-]+");
            assertThat(e.source().replace('\\', '/')).as("file of %s", e.id()).endsWith("/" + e.id() + ".json");
            assertThat(e.rootCause()).as("root_cause of %s", e.id()).isNotBlank();
            assertThat(e.workarounds()).as("workarounds of %s", e.id()).isNotEmpty();
            assertThat(e.topWorkaround().orElseThrow().successRate()).as("top success_rate of %s", e.id()).isNotNull();
            assertThat(e.deadEnds()).as("dead_ends of %s", e.id()).isNotEmpty();
            assertThat(e.examples()).as("examples of %s", e.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(e.counterExamples()).as("counter_examples of %s", e.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(e.regex()).as("regex of %s", e.id()).doesNotStartWith(".*").doesNotEndWith(".*");
            assertThat(e.confidence()).as("confidence of %s", e.id()).isNotNull();
        });
    }

    @Test
    void plainFieldsAreEnglishAndChineseStaysInTheZhFields() {
        Pattern han = Pattern.compile("\\p{IsHan}");
        assertThat(kb.entries()).allSatisfy(e -> {
            List<String> plain = new ArrayList<>(List.of(e.rootCause(), Objects.toString(e.signature(), "")));
            e.workarounds().forEach(w -> plain.add(w.action() + w.how()));
            e.deadEnds().forEach(d -> plain.add(d.action() + d.whyFails()));
            assertThat(plain).as("plain fields of %s", e.id()).noneMatch(s -> han.matcher(s).find());
        });
    }

    @Test
    void seedEntryIsBundledInEnglishWithItsChineseKept() {
        KnownError seed = kb.entry("database/redis-bgsave-fork-error").orElseThrow();
        assertThat(seed.regex()).isEqualTo("Can't save in background: fork: Cannot allocate memory");
        assertThat(seed.rootCauseZh()).startsWith("Redis 尝试执行 BGSAVE");
        assertThat(seed.topWorkaround().orElseThrow().action()).contains("overcommit_memory");
        assertThat(seed.topWorkaround().orElseThrow().successRate()).isEqualTo(0.9);
        assertThat(seed.topWorkaround().orElseThrow().actionZh()).contains("overcommit_memory");
        assertThat(seed.firstDeadEnd().orElseThrow().failRate()).isEqualTo(0.7);
        assertThat(seed.versions()).extracting(KnownError.Version::version)
                .containsExactly("Redis 6.2.12", "Redis 7.0.11", "Redis 7.2.1");
        assertThat(seed.officialDocUrl()).startsWith("https://redis.io/");
        assertThat(seed.confidence()).isEqualTo(0.86);
        assertThat(seed.resolvable()).isEqualTo("true");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsDiagnosedAsItsOwnEntry() {
        return kb.entries().stream().flatMap(e -> e.examples().stream().map(example ->
                dynamicTest(e.id() + " <- " + example, () -> {
                    Optional<Diagnosis> d = kb.diagnoseText(example);
                    assertThat(d).as("diagnosis of: %s", example).isPresent();
                    assertThat(d.get().id()).as("winner for: %s", example).isEqualTo(e.id());
                })));
    }

    @TestFactory
    Stream<DynamicTest> noCounterExampleIsMatchedByItsEntry() {
        return kb.entries().stream().flatMap(e -> e.counterExamples().stream().map(counter ->
                dynamicTest(e.id() + " !<- " + counter, () -> assertThat(
                        Pattern.compile(e.regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(counter).find())
                        .as("%s matches its counter-example: %s", e.id(), counter).isFalse())));
    }

    @Test
    void checkExamplesAgreesThatTheBundledKbIsClean() {
        assertThat(kb.checkExamples()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> renderedSeedDiagnosisMatchesItsGoldenFile() {
        Diagnosis d = kb.diagnose("Can't save in background: fork: Cannot allocate memory", null).orElseThrow();
        return Stream.of(
                dynamicTest("en", () -> assertThat(DiagnosisFormatter.of(Language.EN, false).block(d)).isEqualTo(golden("redis-bgsave-fork-error.en.txt"))),
                dynamicTest("ascii", () -> assertThat(DiagnosisFormatter.of(Language.EN, true).block(d)).isEqualTo(golden("redis-bgsave-fork-error.ascii.txt"))),
                dynamicTest("zh", () -> assertThat(DiagnosisFormatter.of(Language.ZH, false).block(d)).isEqualTo(golden("redis-bgsave-fork-error.zh.txt"))));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = BundledKnowledgeBaseTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        }
    }
}
