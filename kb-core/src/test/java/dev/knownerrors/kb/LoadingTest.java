package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.knownerrors.kb.Entries.entry;
import static dev.knownerrors.kb.Entries.load;
import static dev.knownerrors.kb.Entries.write;
import static org.assertj.core.api.Assertions.assertThat;

class LoadingTest {

    @TempDir
    Path dir;

    @Test
    void fileWithOneObjectLoadsOneEntry() {
        KnowledgeBase kb = load(write(dir, "a.json", entry("t/a", "alpha failed")));
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a");
    }

    @Test
    void fileWithAnArrayLoadsEveryElement() {
        KnowledgeBase kb = load(write(dir, "a.json",
                "[" + entry("t/a", "alpha failed") + ",\n" + entry("t/b", "beta failed") + "]"));
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a", "t/b");
    }

    @Test
    void jsonLinesFileLoadsOneEntryPerLineAndReportsABadLineByNumber() {
        KnowledgeBase kb = load(write(dir, "a.jsonl",
                entry("t/a", "alpha failed") + "\n{not json\n\n" + entry("t/c", "gamma failed") + "\n"));
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a", "t/c");
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("a.jsonl");
            assertThat(p.entry()).isEqualTo("line 2");
            assertThat(p.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void directoryIsReadRecursivelyInPathOrderAndOtherFilesAreIgnored() {
        write(dir, "b/deep/x.json", entry("t/x", "x failed"));
        write(dir, "a.jsonl", entry("t/a", "alpha failed"));
        write(dir, "notes.txt", "not a KB file");
        KnowledgeBase kb = load(dir);
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a", "t/x");
    }

    @Test
    void concatenatedObjectsInOneFileAllLoad() {
        KnowledgeBase kb = load(write(dir, "all.json", entry("t/a", "alpha failed") + "\n" + entry("t/b", "beta failed")));
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).hasSize(2);
    }

    @Test
    void malformedFileIsReportedWithItsLineAndTheOtherFilesStillLoad() {
        write(dir, "1-good.json", entry("t/a", "alpha failed"));
        write(dir, "2-broken.json", "{\n  \"id\": \"t/b\",\n  \"regex\": \"beta\n}");
        write(dir, "3-good.json", entry("t/c", "gamma failed"));
        KnowledgeBase kb = load(dir);
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a", "t/c");
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("2-broken.json");
            assertThat(p.message()).contains("malformed JSON at line 3");
        });
    }

    @Test
    void invalidRegexIsReportedWithSourceEntryAndFieldAndTheRestLoads() {
        Path file = write(dir, "a.json", "[" + entry("t/bad", "unclosed (group") + "," + entry("t/ok", "ok failed") + "]");
        KnowledgeBase kb = load(file);
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/ok");
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(file.toString());
            assertThat(p.entry()).isEqualTo("'t/bad'");
            assertThat(p.field()).isEqualTo("regex");
            assertThat(p.message()).startsWith("invalid: Unclosed group");
            assertThat(p.toString()).isEqualTo(file + ": entry 't/bad': field 'regex': " + p.message());
        });
    }

    @Test
    void entryRejectedForItsRegexStillHasItsOtherBadFieldsReported() {
        KnowledgeBase kb = load(write(dir, "a.json", "{\"id\": \"t/bad\", \"regex\": \"oops (\", \"confidence\": 3}"));
        assertThat(kb.entries()).isEmpty();
        assertThat(kb.problems()).extracting(LoadProblem::field).containsExactly("confidence", "regex");
    }

    @Test
    void lintReportsControlCharactersInEntryText() {
        String json = "{\"id\": \"t/a\", \"regex\": \"alpha failed\", \"root_cause\": \"bad\\u001b[31m text\","
                + " \"workarounds\": [{\"action\": \"fine\"}, {\"action\": \"line\\nbreak\"}]}";
        KnowledgeBase kb = load(write(dir, "a.json", json));
        assertThat(kb.checkExamples()).extracting(LoadProblem::field, LoadProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("root_cause", "contains the control character U+001B"),
                org.assertj.core.groups.Tuple.tuple("workarounds[1]", "contains the control character U+000A"));
    }

    @Test
    void regexThatMatchesTheEmptyStringIsRejected() {
        KnowledgeBase kb = load(write(dir, "a.json", entry("t/any", "(error)?")));
        assertThat(kb.entries()).isEmpty();
        assertThat(kb.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("matches the empty string"));
    }

    @Test
    void entryWithoutIdIsReportedByIndexAndLine() {
        KnowledgeBase kb = load(write(dir, "a.json", "[" + entry("t/a", "alpha failed") + ",\n{\"regex\": \"x failed\"}]"));
        assertThat(kb.entries()).hasSize(1);
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("#2 (line 2)");
            assertThat(p.field()).isEqualTo("id");
            assertThat(p.message()).startsWith("missing");
        });
    }

    @Test
    void wrongTypeInAnOptionalFieldIsReportedAndTheEntryStillLoads() {
        String json = "{\"id\": \"t/a\", \"regex\": \"alpha failed\", \"confidence\": \"high\","
                + " \"workarounds\": [{\"action\": \"do it\", \"success_rate\": 7}], \"tags\": \"oops\"}";
        KnowledgeBase kb = load(write(dir, "a.json", json));
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a");
        assertThat(kb.problems()).extracting(LoadProblem::field)
                .containsExactlyInAnyOrder("confidence", "workarounds[0].success_rate", "tags");
        assertThat(kb.problems()).extracting(LoadProblem::message)
                .contains("expected a number between 0 and 1, found a string", "must be between 0 and 1, found 7");
    }

    @Test
    void duplicateIdIsAProblemAndTheFirstOneWins() {
        write(dir, "1.json", entry("t/same", "first text"));
        write(dir, "2.json", entry("t/same", "second text"));
        KnowledgeBase kb = load(dir);
        assertThat(kb.entries()).singleElement().satisfies(e -> assertThat(e.regex()).isEqualTo("first text"));
        assertThat(kb.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("2.json");
            assertThat(p.field()).isEqualTo("id");
            assertThat(p.message()).contains("duplicate").contains("1.json");
        });
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"id\": \"t/a\", \"regex\": \"alpha failed\", \"made_up\": {\"x\": [1, 2]}, \"other\": 3}";
        KnowledgeBase kb = load(write(dir, "a.json", json));
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).hasSize(1);
    }

    @Test
    void missingLocationsAreReportedAndDoNotStopTheBuild() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false)
                .source(dir.resolve("nope.json").toString())
                .source("classpath:no/such/resource.json")
                .source(write(dir, "ok.json", entry("t/a", "alpha failed")).toString())
                .build();
        assertThat(kb.entries()).hasSize(1);
        assertThat(kb.problems()).extracting(LoadProblem::message)
                .containsExactly("no such file or directory", "classpath resource not found");
    }

    @Test
    void fileUrlAndClasspathLocationsAreRead() {
        Path file = write(dir, "a.json", entry("t/a", "alpha failed"));
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false)
                .source(file.toUri().toString())
                .source("classpath:fixtures/one-entry.json")
                .build();
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a", "fixture/one-entry");
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutBlowingTheStack() {
        String deep = "{\"id\": \"t/deep\", \"regex\": \"x failed\", \"n\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        KnowledgeBase kb = load(write(dir, "deep.json", deep));
        assertThat(kb.entries()).isEmpty();
        assertThat(kb.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("nesting"));
    }

    @Test
    void binaryGarbageIsReportedAsMalformed() throws IOException {
        Path file = dir.resolve("garbage.json");
        Files.write(file, new byte[] {0x00, (byte) 0xFF, 0x13, 0x37, (byte) 0xC3, 0x28});
        KnowledgeBase kb = load(file);
        assertThat(kb.entries()).isEmpty();
        assertThat(kb.problems()).singleElement().satisfies(p -> assertThat(p.source()).endsWith("garbage.json"));
    }

    @Test
    void symbolicLinkLoopIsReportedNotFollowedForever() throws IOException {
        write(dir, "kb/a.json", entry("t/a", "alpha failed"));
        Files.createSymbolicLink(dir.resolve("kb/loop"), dir.resolve("kb"));
        KnowledgeBase kb = load(dir.resolve("kb"));
        assertThat(kb.entries()).extracting(KnownError::id).containsExactly("t/a");
        assertThat(kb.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("symbolic link loop"));
    }
}
