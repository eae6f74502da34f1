package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deadends.dev's nested canon shape, the domain filter and the precision guard. */
class CanonAndGuardTest {

    static final String CANONS = "src/test/resources/fixtures/canons";

    @TempDir
    Path dir;

    @Test
    void canonIsMappedOntoTheModelWithItsPythonRegexTranslated() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source(CANONS).build();
        assertThat(kb.problems()).isEmpty();
        KnownError e = kb.entry("java/port-refused/jdk17").orElseThrow();
        assertThat(e.rootCause()).startsWith("A test canon: the metrics agent is not listening.");
        assertThat(e.officialDocUrl()).isEqualTo("https://example.org/canons/java/port-refused/jdk17");
        assertThat(e.topWorkaround().orElseThrow().action()).isEqualTo("Point the client at the agent's real port");
        assertThat(e.confidence()).isEqualTo(0.7);
        assertThat(e.transitionGraph().leadsTo()).containsExactly("java/other/jdk17");
        assertThat(kb.diagnoseText("fixture: PORT 8125 refused the metrics connection")).map(Diagnosis::id)
                .contains("java/port-refused/jdk17");
        assertThat(kb.diagnoseText("Fixture: port 8125 refused the metrics connection, retrying")).isEmpty(); // \\Z
        assertThat(kb.attributions()).containsExactly("deadends.dev (github.com/dbwls99706/deadends.dev), CC BY 4.0");
    }

    @Test
    void nonSoftwareDomainsAreLeftOutByDefaultAndCanBeEnabled() {
        KnowledgeBase byDefault = KnowledgeBase.builder().bundled(false).source(CANONS).build();
        assertThat(byDefault.entry("culture/test-etiquette/any")).isEmpty();
        assertThat(byDefault.skipped()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("filtered: domain 'culture' is not enabled"));
        assertThat(byDefault.summary()).isEqualTo("1 entries in use, 1 left out (domain culture: 1), 0 problems");

        assertThat(KnowledgeBase.builder().bundled(false).source(CANONS).domains(List.of("all")).build().entries()).hasSize(2);
        assertThat(KnowledgeBase.builder().bundled(false).source(CANONS).domains(List.of("culture")).build().entries())
                .extracting(KnownError::id).containsExactly("culture/test-etiquette/any");
    }

    @Test
    void guardDropsAnEntryWhoseAlternativeNeedsFewLiteralCharacters() {
        Path kb = Entries.write(dir, "broad.json", Entries.entry("t/broad", "firewall blocked the packet|REJECT"));
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.entries()).isEmpty();
        assertThat(guarded.skipped()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("precision guard: an alternative needs only 6 literal characters (minimum 8)"));
        assertThat(KnowledgeBase.builder().bundled(false).precisionGuard(false).source(kb.toString()).build().entries())
                .hasSize(1);
    }

    @Test
    void guardDropsAnEntryThatMatchesOrdinaryLogText() {
        Path kb = Entries.write(dir, "noisy.json", "[" + Entries.entry("t/noisy", "HikariPool-\\\\d+ - Start completed") + ","
                + Entries.entry("t/fine", "HikariPool-\\\\d+ - Connection is not available") + "]");
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.entries()).extracting(KnownError::id).containsExactly("t/fine");
        assertThat(guarded.skipped()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("'t/noisy'");
            assertThat(p.message()).startsWith("precision guard: matches ordinary log text: ").contains("HikariPool-1 - Start completed");
        });
    }

    @Test
    void bundledKbPassesTheDomainFilterAndTheGuardWhole() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source("src/main/kb").build();
        assertThat(kb.skipped()).isEmpty();
        assertThat(kb.attributions()).isEmpty();
    }
}
