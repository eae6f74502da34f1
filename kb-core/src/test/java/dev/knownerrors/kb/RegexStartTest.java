package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regex whose every match begins with its first literal run is tried only from the first
 * place of that run: java.util.regex would otherwise try it at every character before, each
 * try a case-insensitive comparison (about 10 ns a character on the Redis example).
 */
class RegexStartTest {

    /** A text that counts the reads of each of its characters. */
    static final class CountingText implements CharSequence {
        final String text;
        final int[] reads;

        CountingText(String text) {
            this.text = text;
            this.reads = new int[text.length()];
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads[index]++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void aRegexIsNotTriedAtThePlacesBeforeItsFirstLiteralRun() throws Exception {
        Path dir = Files.createTempDirectory("kb-start");
        KnowledgeBase kb = Entries.load(Entries.write(dir, "a.json",
                "[" + Entries.entry("t/quota", "\\\\bdisk quota exceeded") + "," + Entries.entry("t/oom", "[Oo]ut of memory: kill process") + "]"));
        String prefix = "a".repeat(4_000);

        CountingText anchored = new CountingText(prefix + " /var: disk quota exceeded");
        assertThat(kb.diagnoseText(anchored)).map(Diagnosis::id).contains("t/quota");
        // the prefilter's scan and the positional step's folding read each character once
        assertThat(maxReads(anchored, prefix.length())).as("reads of one character before the run").isLessThanOrEqualTo(2);

        CountingText floating = new CountingText(prefix + " Out of memory: Kill process 4121");
        assertThat(kb.diagnoseText(floating)).map(Diagnosis::id).contains("t/oom");
        assertThat(maxReads(floating, prefix.length())).as("a regex that may begin before its run is tried everywhere").isGreaterThan(2);
    }

    private static int maxReads(CountingText t, int before) {
        int max = 0;
        for (int i = 1; i < before - 1; i++) {
            max = Math.max(max, t.reads[i]);
        }
        return max;
    }
}
