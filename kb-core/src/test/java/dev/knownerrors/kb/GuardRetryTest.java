package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guarded entry's match that the precision guard rejects is searched for again from the next
 * place (another alternative may match there), but only while some alternative that can pass
 * still has its literal runs after it, and from where the next match can begin when every
 * match begins with a literal run: each search reads the text it passes.
 */
class GuardRetryTest {

    @Test
    void aRejectedMatchIsNotSearchedAgainWhenNothingAfterItCouldBeAccepted() throws Exception {
        Path dir = Files.createTempDirectory("kb-retry");
        // "unavailable" alone is a lone plain word: half its length, too little evidence
        Path file = Entries.write(dir, "a.json", Entries.entry("t/unavailable", "unavailable|failed to connect to all addresses"));
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source(file.toString()).build(); // the guard on
        String tail = "b".repeat(4_000);

        RegexStartTest.CountingText lone = new RegexStartTest.CountingText("service unavailable " + tail);
        assertThat(kb.diagnoseText(lone)).isEmpty();
        // the prefilter's scan and the positional step's folding read each character once; no regex search does
        assertThat(maxReads(lone, lone.length() - tail.length())).as("reads of one character after the rejected match")
                .isLessThanOrEqualTo(2);

    }

    @Test
    void aRetryStartsWhereTheNextMatchCanBeginSoTheRegexDoesNotReadTheTextBetween() throws Exception {
        Path dir = Files.createTempDirectory("kb-retry");
        // every match begins with its first run ("unavailable" or "failed to connect"): the retry jumps there
        Path starts = Entries.write(dir, "a.json", Entries.entry("t/unavailable", "unavailable|failed to connect to all addresses"));
        // a match may begin before "unavailable": the retry must search from the next place on
        Path anywhere = Entries.write(dir, "b.json", Entries.entry("t/word-unavailable", "(?:service )?unavailable|failed to connect to all addresses"));
        String tail = "b".repeat(4_000);
        String text = "service unavailable " + tail + " failed to connect to all addresses";

        KnowledgeBase jumps = KnowledgeBase.builder().bundled(false).source(starts.toString()).build();
        RegexStartTest.CountingText jumped = new RegexStartTest.CountingText(text);
        assertThat(jumps.diagnoseText(jumped)).map(Diagnosis::id).as("an alternative that can pass follows").contains("t/unavailable");
        assertThat(maxReads(jumped, "service unavailable ".length())).as("reads of one character between the two matches")
                .isLessThanOrEqualTo(2);

        KnowledgeBase searches = KnowledgeBase.builder().bundled(false).source(anywhere.toString()).build();
        RegexStartTest.CountingText searched = new RegexStartTest.CountingText(text);
        assertThat(searches.diagnoseText(searched)).map(Diagnosis::id).contains("t/word-unavailable");
        assertThat(maxReads(searched, "service unavailable ".length())).isGreaterThan(2);
    }

    private static int maxReads(RegexStartTest.CountingText t, int from) {
        int max = 0;
        for (int i = from + 1; i < from + 4_000 - 1; i++) {
            max = Math.max(max, t.reads[i]);
        }
        return max;
    }
}
