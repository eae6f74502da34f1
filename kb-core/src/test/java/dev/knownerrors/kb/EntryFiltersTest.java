package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deny list of domains and the minimum confidence: both act when the KB is built. */
class EntryFiltersTest {

    static final String REFUSED = "java.net.ConnectException: Connection refused";

    @TempDir
    Path dir;

    @Test
    void excluded_domain_is_left_out_and_counted_as_filtered() {
        KnowledgeBase kb = KnowledgeBase.builder().excludedDomains(List.of(" Network ")).build();
        assertThat(kb.diagnoseText(REFUSED)).isEmpty();
        assertThat(kb.entries()).extracting(KnownError::domain).doesNotContain("network").contains("database");
        long network = KnowledgeBase.bundled().entries().stream().filter(e -> "network".equals(e.domain())).count();
        assertThat(kb.skipped()).hasSize((int) network).allSatisfy(p -> {
            assertThat(p.field()).isEqualTo("domain");
            assertThat(p.message()).isEqualTo("filtered: domain 'network' is excluded");
        });
        assertThat(kb.summary()).contains(" left out (domain network: " + network + ")");
        assertThat(kb.entries()).hasSize(KnowledgeBase.bundled().entries().size() - (int) network);
    }

    @Test
    void exclusion_wins_over_the_allow_list_and_an_entry_without_domain_is_never_excluded() {
        Path file = Entries.write(dir, "kb.jsonl", String.join("\n",
                "{\"id\": \"t/a\", \"regex\": \"alpha failure\", \"domain\": \"alpha\"}",
                "{\"id\": \"t/b\", \"regex\": \"beta failure\", \"domain\": \"beta\"}",
                "{\"id\": \"t/none\", \"regex\": \"plain failure\"}"));
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(file.toString())
                .domains(List.of("alpha", "beta")).excludedDomains(List.of("beta")).build();
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a", "t/none");
        KnowledgeBase all = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(file.toString())
                .domains(List.of("all")).excludedDomains(List.of("ALPHA")).build();
        assertThat(all.entries()).extracting(KnownError::id).containsExactly("t/b", "t/none");
    }

    @Test
    void entries_below_the_minimum_confidence_are_not_diagnosed_and_absent_confidence_counts_as_half() {
        Path file = Entries.write(dir, "kb.jsonl", String.join("\n",
                Entries.entry("t/high", "high confidence failure", 0.9),
                Entries.entry("t/low", "low confidence failure", 0.6),
                "{\"id\": \"t/unrated\", \"regex\": \"unrated failure\"}"));
        KnowledgeBase.Builder b = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(file.toString());

        KnowledgeBase kb = b.minimumConfidence(0.7).build();
        assertThat(kb.diagnoseText("high confidence failure")).isPresent();
        assertThat(kb.diagnoseText("low confidence failure")).isEmpty();
        assertThat(kb.diagnoseText("unrated failure")).isEmpty();
        assertThat(kb.skipped()).extracting(LoadProblem::entry, LoadProblem::field, LoadProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("'t/low'", "confidence", "filtered: confidence 0.6 is below the minimum 0.7"),
                org.assertj.core.groups.Tuple.tuple("'t/unrated'", "confidence", "filtered: confidence 0.5 is below the minimum 0.7"));
        assertThat(kb.summary()).isEqualTo("1 entries in use, 2 left out (confidence below 0.7: 2), 0 problems");

        assertThat(b.minimumConfidence(0.5).build().entries()).extracting(KnownError::id)
                .containsExactlyInAnyOrder("t/high", "t/low", "t/unrated");
        assertThat(b.minimumConfidence(0.9).build().entries()).extracting(KnownError::id).containsExactly("t/high");
    }

    @Test
    void minimum_confidence_on_the_bundled_kb_keeps_only_the_confident_entries() {
        KnowledgeBase kb = KnowledgeBase.builder().minimumConfidence(0.9).build();
        assertThat(kb.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.confidence()).isGreaterThanOrEqualTo(0.9));
        assertThat(kb.entries().size() + kb.skipped().size()).isEqualTo(KnowledgeBase.bundled().entries().size());
        assertThat(kb.diagnoseText(REFUSED)).map(Diagnosis::id).contains("network/connection-refused"); // 0.95
        assertThat(kb.diagnoseText("Can't save in background: fork: Cannot allocate memory")).isEmpty(); // 0.86
    }

    @Test
    void minimum_confidence_outside_zero_to_one_is_rejected() {
        assertThatThrownBy(() -> KnowledgeBase.builder().minimumConfidence(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minimumConfidence must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> KnowledgeBase.builder().minimumConfidence(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
