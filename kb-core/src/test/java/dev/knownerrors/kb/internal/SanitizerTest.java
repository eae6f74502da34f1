package dev.knownerrors.kb.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One-line KB text: what changes, and that text needing no change comes back as it is. */
class SanitizerTest {

    /** Input, then the expected result in Unicode and in ASCII mode. */
    static final String[][] CASES = {
        {"a  b", "a b", "a b"},
        {" a", "a", "a"},
        {"a ", "a", "a"},
        {"a\tb\nc", "a b c", "a b c"},
        {"a\u2028b", "a b", "a b"},
        {"a\u202Eb", "a\uFFFDb", "a?b"},
        {"a\u0085b", "a\uFFFDb", "a?b"},
        {"a\u007Fb", "a\uFFFDb", "a?b"},
        {"caf\u00e9 \u2014 ok", "caf\u00e9 \u2014 ok", "caf? - ok"},
    };

    @Test
    void text_that_needs_cleaning_is_cleaned() {
        for (String[] c : CASES) {
            assertThat(Sanitizer.oneLine(c[0], false)).as(c[0]).isEqualTo(c[1]);
            assertThat(Sanitizer.oneLine(c[0], true)).as(c[0]).isEqualTo(c[2]);
        }
    }

    @Test
    void text_that_needs_no_cleaning_comes_back_as_the_same_string() {
        String id = "database/redis-bgsave-fork-error";
        assertThat(Sanitizer.oneLine(id, false)).isSameAs(id);
        assertThat(Sanitizer.oneLine(id, true)).isSameAs(id);
        String unicode = "Redis could not fork \u2014 set vm.overcommit_memory=1";
        assertThat(Sanitizer.oneLine(unicode, false)).isSameAs(unicode);
        assertThat(Sanitizer.oneLine(unicode, true)).isEqualTo("Redis could not fork - set vm.overcommit_memory=1");
    }
}
