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

    @Test
    void secondaryWindowsAreAsLongAsAnAnchor() {
        List<String> windows = Windows.of(List.of("fork", "ab", "cannot allocate memory"));
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
