package dev.knownerrors.kb.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the prefilter picks an alternative's windows from its literal runs. */
class WindowsTest {

    @Test
    void theTriggerAvoidsTextThatOrdinaryLogLinesContain() {
        // "hikaripool" has the rarer letters, but the benign sample's HikariCP lines are full of it
        assertThat(BenignSample.lines()).anyMatch(line -> line.contains("HikariPool"));
        List<String> windows = Windows.of(List.of("hikaripool split brain"));
        assertThat(windows.get(0)).doesNotContain("ikar").isSubstringOf("split brain");
    }

    /**
     * Healthy logs hardly ever say "error" (the benign sample has it once), but the events that
     * are scanned, at WARN and above, are full of it: the log's common words count as ordinary
     * text, so "error" is not taken for a rare trigger, and "certificate" narrows first.
     */
    @Test
    void aCommonLogWordIsNotARareTriggerEvenWhereHealthyLogsLackIt() {
        assertThat(BenignSample.lines()).filteredOn(line -> line.toLowerCase().contains("error")).hasSizeLessThan(2);
        assertThat(Windows.OrdinaryText.containsAll("error")).isTrue();
        assertThat(Windows.of(List.of("ssl", "certificate", "error")).get(0)).isSubstringOf("certificate");
    }

    /**
     * The scan looks a window up wherever its last four characters occur. The heaviest piece of
     * "jvkxqueue size" is "jvkxqueu", which ends in "queu", a 4-gram ordinary lines are full of
     * ("queue"); one character less, it ends in one they lack.
     */
    @Test
    void aWindowEndsInFourCharactersThatOrdinaryLinesLackWhenThereAreSome() {
        assertThat(Windows.of(List.of("jvkxqueue size")).get(0)).isEqualTo("jvkxque");
        assertThat(Windows.of(List.of("connection refused")).get(0)).as("no rare 4-gram to end in: the widest window")
                .hasSize(Prefilter.WINDOW);
    }

    /**
     * A secondary window only narrows the candidates its trigger lets through, and costs a
     * lookup wherever ordinary text has its anchor. Behind a trigger that ordinary lines rarely
     * set off ("jvkxque"), the secondaries end in rare 4-grams too, or there are none; behind an
     * ordinary trigger they narrow with whatever the runs have.
     */
    @Test
    void aTriggerThatEndsInARareAnchorGetsSecondaryWindowsThatDoToo() {
        List<String> rare = Windows.of(List.of("jvkxqueue size", "connection", "timeout"));
        assertThat(rare.get(0)).isEqualTo("jvkxque");
        assertThat(rare.subList(1, rare.size())).allSatisfy(w -> assertThat(ordinaryEnd(w)).as(w).isFalse());

        List<String> ordinary = Windows.of(List.of("connection", "timeout"));
        assertThat(ordinaryEnd(ordinary.get(0))).as(ordinary.get(0)).isTrue();
        assertThat(ordinary).hasSize(Prefilter.WINDOWS_PER_ALTERNATIVE).anySatisfy(w -> assertThat(ordinaryEnd(w)).as(w).isTrue());
    }

    /**
     * The sample's 4-grams are hashed into the bitmap from an array, and looked up from a string:
     * the two must agree, or every window would look rare. Almost no 4-gram is in the sample.
     */
    @Test
    void everyFourGramOfTheBenignSampleIsOrdinaryTextAndFewOthersAre() {
        int grams = 0;
        for (String line : BenignSample.lines()) {
            StringBuilder folded = new StringBuilder();
            line.chars().forEach(c -> folded.append(CaseFold.fold((char) c)));
            for (int at = 0; at + Prefilter.ANCHOR <= folded.length(); at++) {
                assertThat(Windows.OrdinaryText.contains(folded.toString(), at)).as(folded.substring(at, at + 4)).isTrue();
                grams++;
            }
        }
        assertThat(grams).isGreaterThan(10_000);
        java.util.Random random = new java.util.Random(7);
        int ordinary = 0;
        for (int i = 0; i < 10_000; i++) {
            String gram = random.ints(4, 0x4e00, 0x9fff).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                    StringBuilder::append).toString();
            ordinary += Windows.OrdinaryText.contains(gram, 0) ? 1 : 0;
        }
        assertThat(ordinary).as("random CJK 4-grams taken for ordinary text").isLessThan(500);
    }

    /**
     * The window choice reads each place of a run once, from an array; the string lookup is the
     * reference. Runs from the sample (ordinary places) and from the bundled KB's regexes (mostly
     * rare ones), so that both answers occur.
     */
    @Test
    void theLookupOfEveryPlaceOfARunAgreesWithTheLookupOfOnePlace() {
        java.util.List<String> runs = new java.util.ArrayList<>();
        BenignSample.lines().stream().limit(200).forEach(line -> {
            StringBuilder folded = new StringBuilder();
            line.chars().forEach(c -> folded.append(CaseFold.fold((char) c)));
            runs.add(folded.toString());
        });
        for (dev.knownerrors.kb.KnownError e : dev.knownerrors.kb.KnowledgeBase.bundled().entries()) {
            StringBuilder folded = new StringBuilder();
            e.regex().chars().filter(Character::isLetter).forEach(c -> folded.append(CaseFold.fold((char) c)));
            runs.add(folded.toString());
        }
        int ordinary = 0;
        int rare = 0;
        for (String run : runs) {
            boolean[] at = Windows.OrdinaryText.at(run.toCharArray());
            assertThat(at).hasSize(run.length());
            for (int i = 0; i < run.length(); i++) {
                boolean expected = i + Prefilter.ANCHOR <= run.length() && Windows.OrdinaryText.contains(run, i);
                assertThat(at[i]).as("%s at %d", run, i).isEqualTo(expected);
                ordinary += expected ? 1 : 0;
                rare += expected ? 0 : 1;
            }
        }
        assertThat(ordinary).isGreaterThan(1_000);
        assertThat(rare).isGreaterThan(1_000);
    }

    private static boolean ordinaryEnd(String window) {
        return Windows.OrdinaryText.contains(window, window.length() - Prefilter.ANCHOR);
    }

    /** A common log word (here "error" and "timeout") counts a fifth of what its characters count elsewhere. */
    @Test
    void aCommonLogWordWeighsAFifthOfWhatItsCharactersWeighAlone() {
        String run = "xerrorxtimeoutq";
        double[] w = Windows.weights(run.toCharArray(), new boolean[run.length()]); // no ordinary 4-gram: words alone
        for (int i = 0; i < run.length(); i++) {
            double alone = Windows.weights(new char[] {run.charAt(i)}, new boolean[1])[0];
            boolean inWord = (i >= 1 && i <= 5) || (i >= 7 && i <= 13);
            assertThat(w[i]).as("%s at %d", run, i).isEqualTo(inWord ? alone * 0.2 : alone);
        }
    }

    @Test
    void secondaryWindowsAreAsLongAsAnAnchor() {
        List<String> windows = Windows.of(List.of("connection", "ab", "timeout"));
        assertThat(windows).hasSizeGreaterThan(1).allSatisfy(w -> assertThat(w.length()).isGreaterThanOrEqualTo(Prefilter.ANCHOR));
        assertThat(windows).doesNotContain("ab");
    }

    @Test
    void everyWindowIsAPieceOfItsRunAndTheTriggerHasFourToEightCharacters() {
        for (String run : List.of("hikaripool split brain", "fork: cannot allocate memory", "oom-killer", "abcd")) {
            List<String> windows = Windows.of(List.of(run));
            assertThat(windows).isNotEmpty().allSatisfy(w -> assertThat(run).contains(w));
            assertThat(windows.get(0).length()).isBetween(Prefilter.MIN_LITERAL, Prefilter.WINDOW);
        }
    }
}
