package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;

import static dev.knownerrors.kb.Entries.entry;
import static dev.knownerrors.kb.Entries.load;
import static dev.knownerrors.kb.Entries.write;
import static org.assertj.core.api.Assertions.assertThat;

class MatchingTest {

    @TempDir
    Path dir;

    @Test
    void matchingIsCaseInsensitiveLikeTheSeedRegexesExpect() {
        KnowledgeBase kb = load(write(dir, "a.json", entry("t/a", "Connection refused")));
        assertThat(kb.diagnose("CONNECTION REFUSED by peer", null)).isPresent();
        assertThat(kb.diagnose("all good", null)).isEmpty();
    }

    @Test
    void messageAloneIsScannedWhenThereIsNoThrowable() {
        KnowledgeBase kb = load(write(dir, "a.json", entry("t/a", "fork: Cannot allocate memory")));
        Diagnosis d = kb.diagnose("Can't save in background: fork: Cannot allocate memory", null).orElseThrow();
        assertThat(d.id()).isEqualTo("t/a");
        assertThat(d.matchedText()).isEqualTo("fork: Cannot allocate memory");
    }

    @Test
    void causeChainIsScannedAsClassNameAndMessage() {
        KnowledgeBase kb = load(write(dir, "a.json", entry("t/refused", "java\\\\.net\\\\.ConnectException: Connection refused")));
        Exception error = new IllegalStateException("could not start", new IOException("wrapped",
                new ConnectException("Connection refused")));
        assertThat(kb.diagnose("startup failed", error)).map(Diagnosis::id).contains("t/refused");
    }

    @Test
    void suppressedThrowablesAreScannedToo() {
        KnowledgeBase kb = load(write(dir, "a.json", entry("t/deadlock", "deadlock detected")));
        Exception error = new IllegalStateException("rollback failed");
        error.addSuppressed(new SQLException("ERROR: deadlock detected"));
        assertThat(kb.diagnose("tx", error)).map(Diagnosis::id).contains("t/deadlock");
    }

    @Test
    void moreSpecificEntryWinsWhateverTheFileOrder() {
        write(dir, "1-generic.json", entry("t/generic", "Connection refused", 0.99));
        write(dir, "2-specific.json", entry("t/postgres", "Connection to \\\\S+ refused\\\\. Check that the hostname", 0.5));
        KnowledgeBase kb = load(dir);
        String message = "Connection to localhost:5432 refused. Check that the hostname and port are correct";
        assertThat(kb.diagnose(message + " -- Connection refused", null)).map(Diagnosis::id).contains("t/postgres");
        assertThat(kb.diagnose("Connection refused", null)).map(Diagnosis::id).contains("t/generic");
    }

    @Test
    void equallySpecificEntriesAreDecidedByConfidenceThenById() {
        write(dir, "a.json", entry("t/a-low", "disk full", 0.4));
        write(dir, "b.json", entry("t/b-high", "disk full", 0.9));
        write(dir, "c.json", entry("t/c-high", "disk full", 0.9));
        assertThat(load(dir).diagnose("disk full", null)).map(Diagnosis::id).contains("t/b-high");
    }

    @Test
    void topWorkaroundIsTheOneWithHighestSuccessRateWhateverTheListOrder() {
        String json = "{\"id\": \"t/a\", \"regex\": \"alpha failed\","
                + " \"workarounds\": [{\"action\": \"meh\", \"success_rate\": 0.3}, {\"action\": \"unrated\"},"
                + " {\"action\": \"best\", \"success_rate\": 0.95}],"
                + " \"workarounds_zh\": [\"一般\", \"未评\", \"最好\"]}";
        KnownError e = load(write(dir, "a.json", json)).entries().get(0);
        assertThat(e.workarounds()).extracting(Workaround::action).containsExactly("best", "meh", "unrated");
        assertThat(e.topWorkaround().orElseThrow().text(Language.ZH)).isEqualTo("最好");
    }

    @Test
    void scannedTextIsCappedAtMaxScanLength() {
        Path file = write(dir, "a.json", entry("t/a", "needle"));
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(file.toString()).maxScanLength(100).build();
        assertThat(kb.diagnose("x".repeat(95) + "needle", null)).isEmpty();
        assertThat(kb.diagnose("x".repeat(94) + "needle", null)).isPresent();
    }

    @Test
    void zhLocaleFallsBackToEnglishWhenAZhFieldIsAbsent() {
        String json = "{\"id\": \"t/a\", \"regex\": \"alpha failed\", \"root_cause\": \"English cause.\","
                + " \"workarounds\": [{\"action\": \"English fix\"}]}";
        KnownError e = load(write(dir, "a.json", json)).entries().get(0);
        assertThat(e.rootCause(Language.ZH)).isEqualTo("English cause.");
        assertThat(e.topWorkaround().orElseThrow().text(Language.ZH)).isEqualTo("English fix");
    }
}
