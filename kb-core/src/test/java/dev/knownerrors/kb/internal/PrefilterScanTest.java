package dev.knownerrors.kb.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-thread scan state, used text after text. A window left marked from an earlier text
 * would only add candidates (whose regexes then fail), which the engine-level differential
 * tests cannot see: these tests look at the candidates themselves.
 */
class PrefilterScanTest {

    private static final Prefilter PREFILTER = new Prefilter(List.of(
            List.of(List.of("cannot a", "memory")), // entry 0: a trigger and a secondary window
            List.of(List.of("refused!"))));         // entry 1

    @Test
    void anEntryIsACandidateWhenItsTriggerAndEveryOtherWindowOccur() {
        Prefilter.Scan scan = PREFILTER.new Scan();
        assertThat(candidates(PREFILTER, scan, "fork: Cannot allocate memory")).containsExactly(0);
        assertThat(candidates(PREFILTER, scan, "connection REFUSED!")).containsExactly(1);
        assertThat(candidates(PREFILTER, scan, "memory, then: cannot allocate")).containsExactly(0);
    }

    @Test
    void aWindowSeenInOneTextIsForgottenAtTheNext() {
        Prefilter.Scan scan = PREFILTER.new Scan();
        assertThat(candidates(PREFILTER, scan, "fork: Cannot allocate memory")).containsExactly(0);
        assertThat(candidates(PREFILTER, scan, "fork: Cannot allocate")).as("its secondary window is not in this text").isEmpty();
    }

    /**
     * Letters only (a class each, so the prefilter is exact): after each of 2,000 texts scanned
     * with one state, the candidates are exactly the entries whose windows all occur in it.
     */
    @Test
    void eachTextGetsExactlyTheEntriesWhoseWindowsItContainsWhateverCameBefore() {
        Random random = new Random(5);
        List<List<List<String>>> windows = new ArrayList<>();
        for (int e = 0; e < 300; e++) {
            windows.add(List.of(List.of(letters(random, 4 + random.nextInt(5)), letters(random, 4 + random.nextInt(2)))));
        }
        Prefilter prefilter = new Prefilter(windows);
        Prefilter.Scan scan = prefilter.new Scan();
        for (int t = 0; t < 2_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                List<String> alt = windows.get(random.nextInt(windows.size())).get(0);
                text.append(alt.get(random.nextInt(alt.size())).toUpperCase()).append(' ');
            }
            List<Integer> expected = new ArrayList<>();
            String folded = text.toString().toLowerCase();
            for (int e = 0; e < windows.size(); e++) {
                if (windows.get(e).get(0).stream().allMatch(folded::contains)) {
                    expected.add(e);
                }
            }
            assertThat(candidates(prefilter, scan, text.toString())).as(text.toString())
                    .containsExactlyElementsOf(expected);
        }
    }

    /**
     * A place in the anchor table is picked by a window's last four characters and, in a table
     * of more than 2^12 places (more than 64 anchors), part of the one before them; a window of
     * four characters has no character of its own before them, so it must be found after any
     * character, and at the start of a text. Both loops (few anchors, many: 300), every printable
     * ASCII character before it, and a longer window alongside.
     */
    @Test
    void aWindowOfFourCharactersIsFoundAfterAnyCharacterAndAtTheStart() {
        List<List<List<String>>> many = new ArrayList<>(List.of(List.of(List.of("qxzj")), List.of(List.of("vkwqzj"))));
        Random random = new Random(10);
        for (int e = 2; e < 300; e++) {
            many.add(List.of(List.of(letters(random, 4 + e % 5))));
        }
        Prefilter few = new Prefilter(many.subList(0, 2));
        Prefilter dense = new Prefilter(many);
        assertThat(few.anchors()).isLessThan(Prefilter.FEW_ANCHORS);
        assertThat(dense.anchors()).isGreaterThanOrEqualTo(Prefilter.FEW_ANCHORS);
        for (Prefilter prefilter : List.of(few, dense)) {
            Prefilter.Scan scan = prefilter.new Scan();
            assertThat(candidates(prefilter, scan, "qxzj")).containsExactly(0);
            assertThat(candidates(prefilter, scan, "vkwqzj")).containsExactly(1);
            for (char before = ' '; before <= '~'; before++) {
                assertThat(candidates(prefilter, scan, "log " + before + "qxzj")).as("after '%s'", before).containsExactly(0);
                assertThat(candidates(prefilter, scan, "log " + before + "vkwqzj")).as("after '%s'", before).containsExactly(1);
            }
        }
    }

    /**
     * The text is scanned in chunks of 256 characters; a window may straddle two. With few
     * anchors the scan branches to each lookup, with many it notes the places first: both ways.
     */
    @Test
    void aWindowAcrossTwoChunksIsFoundWithFewAnchorsAndWithMany() {
        List<List<List<String>>> many = new ArrayList<>(List.of(List.of(List.of("refused!"))));
        Random random = new Random(9);
        for (int e = 1; e < 2 * Prefilter.FEW_ANCHORS; e++) {
            many.add(List.of(List.of(letters(random, 8))));
        }
        Prefilter few = new Prefilter(List.of(List.of(List.of("refused!"))));
        Prefilter dense = new Prefilter(many);
        assertThat(few.anchors()).isLessThan(Prefilter.FEW_ANCHORS);
        assertThat(dense.anchors()).isGreaterThanOrEqualTo(Prefilter.FEW_ANCHORS);
        for (Prefilter prefilter : List.of(few, dense)) {
            Prefilter.Scan scan = prefilter.new Scan();
            for (int before = 240; before <= 260; before++) {
                String text = "-".repeat(before) + " connection refused! " + "-".repeat(600);
                assertThat(candidates(prefilter, scan, text)).as("window at %d", before + 12).containsExactly(0);
                assertThat(candidates(prefilter, scan, text.replace("refused!", "refused?"))).isEmpty();
            }
        }
    }

    private static String letters(Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }

    private static List<Integer> candidates(Prefilter prefilter, Prefilter.Scan scan, String text) {
        scan.reset();
        scan.feed(text, 0, text.length());
        int[] into = new int[prefilter.entries];
        return Arrays.stream(into, 0, scan.candidates(into)).boxed().toList();
    }
}
