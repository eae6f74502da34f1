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

    @Test
    void everyWindowIsAPieceOfItsRunAndTheTriggerHasFourToEightCharacters() {
        for (String run : List.of("hikaripool split brain", "fork: cannot allocate memory", "oom-killer", "abcd")) {
            List<String> windows = Windows.of(List.of(run));
            assertThat(windows).isNotEmpty().allSatisfy(w -> assertThat(run).contains(w));
            assertThat(windows.get(0).length()).isBetween(Prefilter.MIN_LITERAL, Prefilter.WINDOW);
        }
    }
}
