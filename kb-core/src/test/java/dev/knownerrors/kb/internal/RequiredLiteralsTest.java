package dev.knownerrors.kb.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which alternatives' matches begin with their first literal run (the engine then starts the regex there). */
class RequiredLiteralsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "disk quota exceeded; true",
        "(?i)disk quota exceeded; true",
        "^fatal: refusing to merge; true",
        "\\bdisk quota exceeded\\b; true",
        "(?<=pool )exhausted after \\d+ ms; true",
        "(?=.*timeout)read timed out; true",
        "connection (?:reset|refused) by peer; true true",
        "(?:redis|valkey) fork failed; true true",
        "lock wait timeout exceeded|deadlock found when trying; true true",
        "(?:abc)+ then xyz; true",
        "\\d+ connections exhausted; false",
        "[Oo]ut of memory: kill process; false",
        ".*fatal error; false",
        "x?fatal error; false",
        "(?:\\w+ )?fatal error; false",
        "fatal error|\\d+ errors found; true false",
        "(?:ab|\\d)cdef; true false",
    })
    void an_alternative_starts_with_its_first_run_when_nothing_but_zero_width_assertions_come_before(String regex, String starts) {
        RequiredLiterals.Analysis a = RequiredLiterals.analyse(RegexTree.parse(regex));
        List<Boolean> expected = Arrays.stream(starts.split(" ")).map(Boolean::parseBoolean).toList();
        assertThat(a.starts()).as(a.runs().toString()).isEqualTo(expected);
        assertThat(a.runs()).as("one list of runs per alternative").hasSameSizeAs(a.starts()).allSatisfy(runs -> assertThat(runs).isNotEmpty());
    }
}
