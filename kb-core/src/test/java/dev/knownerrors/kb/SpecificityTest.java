package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The winner rule's first key, observed through which of two entries wins. */
class SpecificityTest {

    @TempDir
    Path dir;

    private String winner(String regexA, String regexB, String text) {
        Entries.write(dir, "a.json", Entries.entry("t/a", regexA, 0.5));
        Entries.write(dir, "b.json", Entries.entry("t/b", regexB, 0.5));
        return Entries.load(dir).diagnose(text, null).map(Diagnosis::id).orElse("none");
    }

    @Test
    void optionalPartsAndClassesDoNotCountAsEvidence() {
        // a: "abc" + optional long tail = 3; b: "abcd" = 4
        assertThat(winner("abc(?:defghijkl)?\\\\d*[xyz]+", "abcd", "abcdefghijkl1x")).isEqualTo("t/b");
    }

    @Test
    void alternationCountsItsWeakestBranch() {
        // a: min("refused", "x") = 1; b: "refused" = 7
        assertThat(winner("(?:refused|x)", "refused", "refused")).isEqualTo("t/b");
    }

    @Test
    void escapedPunctuationAndQuotedTextCount() {
        // a: "\\Qa.b.c.d\\E" = 7; b: "a\\.b" = 3
        assertThat(winner("\\\\Qa.b.c.d\\\\E", "a\\\\.b", "a.b.c.d")).isEqualTo("t/a");
    }
}
