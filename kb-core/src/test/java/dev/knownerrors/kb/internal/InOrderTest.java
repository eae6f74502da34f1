package dev.knownerrors.kb.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The prefilter's positional step, on hand-made runs (the engine-level agreement is PrefilterDifferentialTest's). */
class InOrderTest {

    private static int[] kept(String text, char[][][]... order) {
        int[] candidates = new int[order.length];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = i;
        }
        int n = new InOrder().filter(text, text.length(), candidates, order.length, order);
        return java.util.Arrays.copyOf(candidates, n);
    }

    private static char[][][] entry(List<List<String>> alternatives) {
        return InOrder.runs(alternatives, null);
    }

    @Test
    void a_candidate_is_kept_when_one_alternative_finds_its_runs_in_order() {
        char[][][] latency = entry(List.of(List.of("slow", "server"), List.of("p99", "latency")));
        assertThat(kept("upstream p99=41ms; latency ok", latency)).containsExactly(0);
        assertThat(kept("upstream latency p99=41ms", latency)).isEmpty();
    }

    @Test
    void after_a_rejected_match_only_the_runs_from_its_next_place_on_count() {
        char[][][] unavailable = entry(List.of(List.of("unavailable"), List.of("failed to connect")));
        String text = "Coordinator unavailable or invalid; isDisconnected: false";
        InOrder step = new InOrder();
        step.begin();
        assertThat(step.admitsFrom(unavailable, text, text.length(), 0)).isTrue();
        assertThat(step.admitsFrom(unavailable, text, text.length(), text.indexOf("unavailable"))).isTrue();
        assertThat(step.admitsFrom(unavailable, text, text.length(), text.indexOf("unavailable") + 1))
                .as("no second 'unavailable', no 'failed to connect'").isFalse();
        assertThat(step.admitsFrom(null, text, text.length(), text.length())).as("nothing to check").isTrue();
    }

    @Test
    void the_text_is_compared_case_folded() {
        assertThat(kept("CONSUMER GROUP LAG 12", entry(List.of(List.of("consumer", "lag"))))).containsExactly(0);
    }

    @Test
    void runs_may_not_share_characters_of_the_text() {
        char[][][] abaBab = entry(List.of(List.of("aba", "bab")));
        assertThat(kept("abab", abaBab)).isEmpty();
        assertThat(kept("ababab", abaBab)).containsExactly(0);
    }

    @Test
    void the_earliest_place_of_each_run_decides_so_a_later_repeat_still_counts() {
        char[][][] e = entry(List.of(List.of("lock restart", "deadlock")));
        assertThat(kept("deadlock; lock restart; deadlock again", e)).containsExactly(0);
        assertThat(kept("deadlock; lock restart", e)).isEmpty();
    }

    @Test
    void a_guarded_entry_is_judged_by_the_alternatives_that_can_pass_the_guard_only() {
        // "red" (3 characters) can never carry enough evidence to pass the guard
        List<List<String>> alts = List.of(List.of("cluster health", "red"), List.of("red"));
        char[][][] guarded = InOrder.runs(alts, new boolean[] {false, true});
        char[][][] unguarded = InOrder.runs(alts, null);
        assertThat(guarded).hasNumberOfRows(1);
        assertThat(kept("status=red", guarded)).isEmpty();
        assertThat(kept("status=red", unguarded)).containsExactly(0);
    }

    @Test
    void entries_without_runs_to_check_are_always_kept() {
        assertThat(InOrder.runs(null, null)).isNull();
        assertThat(kept("anything", null, entry(List.of(List.of("never"))))).containsExactly(0);
    }

    @Test
    void once_its_work_bound_is_spent_the_rest_are_kept_unchecked() {
        String text = "a".repeat(8_000);
        char[][][] absent = entry(List.of(List.of("aaaab"))); // its first 4 characters are at every place of the text
        char[][][][] many = new char[40][][][];
        java.util.Arrays.fill(many, absent);
        int[] survivors = kept(text, many);
        assertThat(survivors.length).as("checked and ruled out before the bound").isGreaterThan(0).isLessThan(40);
        assertThat(survivors[survivors.length - 1]).isEqualTo(39);
    }

    @Test
    void the_earliest_start_is_the_first_place_of_any_first_run_and_zero_without_one() {
        InOrder in = new InOrder();
        in.begin();
        char[][] firsts = {"refused".toCharArray(), "reset".toCharArray()};
        String text = "peer RESET; connection refused; reset again";
        assertThat(in.earliest(firsts, text, text.length())).isEqualTo(5);
        assertThat(in.earliest(new char[][] {"refused".toCharArray()}, text, text.length())).isEqualTo(23);
        assertThat(in.earliest(new char[][] {"absent".toCharArray()}, text, text.length())).isZero();
        assertThat(in.earliest(null, text, text.length())).isZero();
    }

    @Test
    void the_earliest_start_after_an_admitted_alternative_still_looks_before_it_for_the_others() {
        InOrder in = new InOrder();
        in.begin();
        String text = "peer reset; connection refused by peer";
        char[][][] refused = entry(List.of(List.of("refused", "by peer")));
        assertThat(in.admits(refused, text, text.length(), null, 0)).isTrue();
        char[][] firsts = {"refused".toCharArray(), "reset".toCharArray()};
        assertThat(in.earliest(firsts, text, text.length())).isEqualTo(5);
    }

    /** On texts over a few characters (two of them alike in their low 6 bits), the search finds what {@code String.indexOf} finds. */
    @Test
    void the_search_finds_the_first_place_string_index_of_finds() {
        assertSearchesAgreeWithStringIndexOf(new java.util.Random(5), "ab!c", 0, 40, 20_000); // '!' and 'a' share their low 6 bits
    }

    /**
     * Zero bytes, and bytes of 1 next to them: where the eight-at-a-time test for the run's last
     * character flags places that are not it (a borrow), and must still flag every place that is.
     */
    @Test
    void the_eight_at_a_time_search_misses_no_place_and_keeps_no_false_one() {
        assertSearchesAgreeWithStringIndexOf(new java.util.Random(7), "a\u0000\u0001b", 0, 40, 20_000);
    }

    /**
     * A character past 255 ({@code ā}, U+0101, whose low byte is that of U+0001): texts with it are
     * searched character by character; in texts without it, a run with it is never found, though
     * its low byte is there.
     */
    @Test
    void characters_past_255_are_never_taken_for_their_low_byte() {
        assertSearchesAgreeWithStringIndexOf(new java.util.Random(8), "a\u0001\u0101b", 0, 40, 20_000);
        assertThat(kept("x\u0001y", entry(List.of(List.of("x\u0101y"))))).isEmpty();
        assertThat(kept("x\u0101y", entry(List.of(List.of("x\u0101y"))))).containsExactly(0);
    }

    /** Long texts, and runs of up to 10 characters (most of them absent). */
    @Test
    void searches_of_a_long_text_find_the_first_place_string_index_of_finds() {
        assertSearchesAgreeWithStringIndexOf(new java.util.Random(6), "ab!c", LONG, 1_500, 3_000);
    }

    private static final int LONG = 600;

    @Test
    void the_next_start_is_the_first_place_of_any_first_run_from_the_given_one_on() {
        InOrder in = new InOrder();
        in.begin();
        String text = "coordinator unavailable; coordinator unavailable; failed to connect";
        char[][] firsts = {"failed to connect".toCharArray(), "unavailable".toCharArray()};
        int first = text.indexOf("unavailable");
        int second = text.indexOf("unavailable", first + 1);
        assertThat(in.nextStart(firsts, text, text.length(), 0)).isEqualTo(first);
        assertThat(in.nextStart(firsts, text, text.length(), first + 1)).isEqualTo(second);
        assertThat(in.nextStart(firsts, text, text.length(), second + 1)).isEqualTo(text.indexOf("failed"));
        assertThat(in.nextStart(firsts, text, text.length(), text.indexOf("failed") + 1)).as("none left").isEqualTo(-1);
        assertThat(in.nextStart(null, text, text.length(), 5)).as("nothing to go by").isEqualTo(5);
    }

    @Test
    void a_search_bounded_before_the_end_finds_only_places_that_end_before_the_bound() {
        InOrder in = new InOrder();
        in.begin();
        String text = "x".repeat(LONG) + " connection reset; connection refused";
        int refused = text.indexOf("connection refused");
        char[][] firsts = {"connection refused".toCharArray(), "connection reset".toCharArray()};
        assertThat(in.earliest(firsts, text, text.length())).isEqualTo(text.indexOf("connection reset"));
        assertThat(in.earliest(new char[][] {"connection refused".toCharArray()}, text, text.length())).isEqualTo(refused);
        assertThat(in.earliest(new char[][] {"connection refused".toCharArray()}, text, refused + 10)).isZero();
    }

    @Test
    void a_builder_reused_for_the_next_event_is_folded_again() {
        InOrder in = new InOrder();
        StringBuilder text = new StringBuilder("x".repeat(LONG)).append(" disk quota exceeded");
        char[][][] quota = entry(List.of(List.of("quota exceeded")));
        char[][][] refused = entry(List.of(List.of("connection refused")));
        in.begin();
        assertThat(in.admits(quota, text, text.length(), null, 0)).isTrue();
        assertThat(in.admits(refused, text, text.length(), null, 1)).isFalse();
        text.setLength(LONG);
        text.append(" connection refused");
        in.begin();
        assertThat(in.admits(refused, text, text.length(), null, 1)).isTrue();
        assertThat(in.admits(quota, text, text.length(), null, 0)).isFalse();
    }

    /** The alphabet's characters must fold to themselves, so that {@code String.indexOf} is the reference. */
    private static void assertSearchesAgreeWithStringIndexOf(java.util.Random random, String alphabet, int minLength, int maxLength,
                                                             int texts) {
        InOrder in = new InOrder();
        for (int n = 0; n < texts; n++) {
            String text = randomString(random, alphabet, minLength + random.nextInt(maxLength - minLength));
            String run = randomString(random, alphabet, 1 + random.nextInt(maxLength > 100 ? 10 : 6));
            String then = randomString(random, alphabet, 1 + random.nextInt(8));
            in.begin();
            int expected = text.indexOf(run);
            int[] kept = kept(text, entry(List.of(List.of(run))));
            assertThat(kept.length == 1).as("'%s' in '%s'", run, text).isEqualTo(expected >= 0);
            if (expected >= 0) {
                assertThat(in.earliest(new char[][] {run.toCharArray()}, text, text.length())).as("'%s' in '%s'", run, text)
                        .isEqualTo(expected);
            }
            boolean inOrder = expected >= 0 && text.indexOf(then, expected + run.length()) >= 0;
            assertThat(kept(text, entry(List.of(List.of(run, then)))).length == 1).as("'%s' then '%s' in '%s'", run, then, text)
                    .isEqualTo(inOrder);
        }
    }

    private static String randomString(java.util.Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
