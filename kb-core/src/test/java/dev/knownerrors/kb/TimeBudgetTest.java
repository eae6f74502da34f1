package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.Engine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The per-event time budget and the quarantine, on a small KB of deliberately pathological
 * regexes (src/test/resources/fixtures/pathological/redos.json). Unbounded, the first crafted
 * event below takes minutes (measured: (.*a){12}x on 50 characters, 156 s); the timeouts here
 * are only a safety net that turns a broken budget into a failure instead of a hang.
 */
class TimeBudgetTest {

    static final Path PATHOLOGICAL = Path.of("src/test/resources/fixtures/pathological/redos.json");
    /**
     * Passes the prefilter (every literal is there, in order: the x of "fix" after the a's), then
     * backtracks exponentially: no x right after an a.
     */
    static final String NESTED = "Lock wait timeout while waiting for " + "a".repeat(40) + " - no fix";
    /**
     * Every literal is present and in order, but "lock restart" is on the next line, where
     * {@code .*} cannot reach: n^4 backtracking over 8 KB.
     */
    static final String CHAINED = "deadlock found when trying to get ".repeat(240) + "\nlock restart";
    /** The same literals out of order: ruled out before the regex runs. */
    static final String CHAINED_OUT_OF_ORDER = "lock restart; " + "deadlock found when trying to get ".repeat(240);
    /** Recursion per repetition of (a|b): overflows the stack before the final c is reached. */
    static final String DEEP = "stack depth probe " + "ab".repeat(50_000) + "c";
    static final Duration SAFETY = Duration.ofSeconds(20);

    private static KnowledgeBase kb(Duration budget) {
        return KnowledgeBase.builder().bundled(false).precisionGuard(false).maxScanLength(200_000)
                .timeBudget(budget).source(PATHOLOGICAL.toString()).build();
    }

    @Test
    void the_default_budget_is_one_millisecond() {
        assertThat(KnowledgeBase.builder().bundled(false).build().timeBudget()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void a_catastrophic_regex_is_stopped_at_the_budget_and_the_event_passes_undiagnosed() {
        KnowledgeBase kb = kb(Duration.ofMillis(1));
        Optional<Diagnosis> d = assertTimeoutPreemptively(SAFETY, () -> kb.diagnoseText(NESTED));
        assertThat(d).isEmpty();
        assertThat(kb.budgetOverruns()).isEqualTo(1);
        assertThat(kb.firstOverrun()).hasValueSatisfying(s -> assertThat(s)
                .contains("time budget (1 ms").contains("'test/nested-any'"));
    }

    @Test
    void chained_dot_stars_over_a_long_line_are_stopped_at_the_budget() {
        KnowledgeBase kb = kb(Duration.ofMillis(1));
        assertThat(assertTimeoutPreemptively(SAFETY, () -> kb.diagnoseText(CHAINED))).isEmpty();
        assertThat(kb.budgetOverruns()).isEqualTo(1);
        assertThat(kb.firstOverrun()).hasValueSatisfying(s -> assertThat(s).contains("'test/chained-any'"));
    }

    @Test
    void a_candidate_whose_literals_occur_only_out_of_order_does_not_run_its_regex() {
        KnowledgeBase kb = kb(Duration.ofNanos(1_000));
        for (int i = 0; i < 5; i++) {
            assertThat(assertTimeoutPreemptively(SAFETY, () -> kb.diagnoseText(CHAINED_OUT_OF_ORDER))).isEmpty();
        }
        assertThat(kb.budgetOverruns()).isZero();
        assertThat(kb.quarantined()).isEmpty();
    }

    @Test
    void an_entry_that_uses_up_the_budget_three_times_is_quarantined_once_and_no_longer_runs() {
        KnowledgeBase kb = kb(Duration.ofMillis(1));
        assertTimeoutPreemptively(SAFETY, () -> {
            for (int i = 0; i < 10; i++) {
                assertThat(kb.diagnoseText(NESTED)).isEmpty();
            }
        });
        assertThat(kb.quarantined()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("'test/nested-any'");
            assertThat(p.field()).isEqualTo("regex");
            assertThat(p.source()).endsWith("redos.json");
            assertThat(p.message()).contains("quarantined").contains("time budget").contains("3 times");
        });
        // three overruns put it in quarantine; the seven events after it cost nothing more
        assertThat(kb.budgetOverruns()).isEqualTo(Engine.QUARANTINE_STRIKES);
    }

    @Test
    void other_entries_keep_diagnosing_after_a_quarantine() {
        KnowledgeBase kb = kb(Duration.ofMillis(1));
        assertTimeoutPreemptively(SAFETY, () -> {
            for (int i = 0; i < 3; i++) {
                kb.diagnoseText(NESTED);
            }
        });
        assertThat(kb.quarantined()).hasSize(1);
        assertThat(kb.diagnose("Could not reach the inventory service", new java.net.ConnectException("Connection refused")))
                .map(Diagnosis::id).hasValue("test/connection-refused");
    }

    @Test
    void an_event_that_matches_within_the_budget_is_diagnosed_as_before() {
        KnowledgeBase kb = kb(Duration.ofMillis(1));
        assertThat(kb.diagnoseText("stack depth probe ababababc")).map(Diagnosis::id).hasValue("test/deep-alternation");
        assertThat(kb.diagnoseText("deadlock found when trying to get lock restart")).map(Diagnosis::id)
                .hasValue("test/chained-any");
        assertThat(kb.budgetOverruns()).isZero();
    }

    @Test
    void a_regex_that_overflows_the_stack_is_skipped_without_throwing_and_quarantined_after_three_times() {
        KnowledgeBase kb = kb(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            assertThat(kb.diagnoseText(DEEP)).isEmpty();
        }
        assertThat(kb.quarantined()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("'test/deep-alternation'");
            assertThat(p.message()).contains("overflowed the stack");
        });
        // after a stack overflow the other candidates still run: this event also carries a known error
        assertThat(kb.diagnoseText(DEEP + "\njava.net.ConnectException: Connection refused")).map(Diagnosis::id)
                .hasValue("test/connection-refused");
    }

    @Test
    void a_zero_budget_means_no_limit() {
        // slow but finite without a budget: (.*a){12}x over 20 a's takes millions of steps (the
        // final x, not right after an a, lets it past the prefilter)
        String slow = "Lock wait timeout " + "a".repeat(20) + " x";
        KnowledgeBase limited = kb(Duration.ofNanos(1_000));
        assertThat(limited.diagnoseText(slow)).isEmpty();
        assertThat(limited.budgetOverruns()).as("the same event under a 1 us budget").isEqualTo(1);

        KnowledgeBase kb = kb(Duration.ZERO);
        assertThat(kb.diagnoseText(slow)).isEmpty();
        assertThat(kb.budgetOverruns()).isZero();
        assertThat(kb.quarantined()).isEmpty();
    }

    @Test
    void many_threads_share_the_budget_accounting_without_losing_a_strike() throws Exception {
        KnowledgeBase kb = kb(Duration.ofMillis(1));
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    kb.diagnoseText(NESTED);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join(SAFETY.toMillis());
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(kb.quarantined()).hasSize(1);
        // at least the three strikes; at most every event (threads racing past the quarantine)
        assertThat(kb.budgetOverruns()).isBetween(3L, 20L);
    }
}
