package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces of hot reload that need no logging framework: periods, change detection, the shared KB. */
class ReloadingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"30 seconds, 30000", "500 milliseconds, 500", "50ms, 50", "2 minutes, 120000", "1 hour, 3600000",
            "1.5 s, 1500", "PT30S, 30000", "  10 SECONDS , 10000"})
    void scanPeriodIsANumberWithAUnitOrAnIsoDuration(String text, long millis) {
        assertThat(Reloader.periodMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "thirty seconds", "5 fortnights", "0 seconds", "PT0S", "P1"})
    void aScanPeriodWithoutAUnitOrBelowOneMillisecondIsRejected(String text) {
        assertThatThrownBy(() -> Reloader.periodMillis(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scanPeriod '" + text + "'");
    }

    @Test
    void anInvalidScanPeriodIsReportedAndNothingIsWatched() {
        List<String> errors = new ArrayList<>();
        assertThat(Reloader.watch("30", List.of(dir.toString()), m -> { }, m -> { }, errors::add)).isNull();
        assertThat(errors).containsExactly("known-errors: scanPeriod '30' is not a period; write a number and a unit,"
                + " e.g. '30 seconds'; knowledge-base files are not watched");
    }

    @Test
    void aSameSizeRewriteWithinOneTimestampTickIsStillAChange() throws IOException {
        Path file = dir.resolve("team.json");
        Files.writeString(file, "{\"id\": \"team/a\", \"regex\": \"alpha failure\"}");
        var time = Files.getLastModifiedTime(file);
        SourceSnapshot before = SourceSnapshot.take(List.of(dir));
        Files.writeString(file, "{\"id\": \"team/b\", \"regex\": \"alpha failure\"}");
        Files.setLastModifiedTime(file, time); // a file system with coarse timestamps
        SourceSnapshot after = SourceSnapshot.take(List.of(dir));
        assertThat(after.changesSince(before)).containsExactly(file + " (changed)");
        assertThat(SourceSnapshot.take(List.of(dir))).isEqualTo(after);
    }

    @Test
    void aReconfiguredAdapterGetsTheSameKnowledgeBaseUntilAFileChanges() throws IOException {
        Path file = dir.resolve("team.json");
        Files.writeString(file, "{\"id\": \"team/a\", \"regex\": \"alpha failure\"}");
        KnowledgeBase first = Diagnoser.knowledgeBase(List.of(dir.toString()), true, 8192, false, null, true, null, 0, KnowledgeBase.DEFAULT_TIME_BUDGET);
        assertThat(Diagnoser.knowledgeBase(List.of(dir.toString()), true, 8192, false, null, true, null, 0, KnowledgeBase.DEFAULT_TIME_BUDGET)).isSameAs(first);
        assertThat(Diagnoser.knowledgeBase(List.of(dir.toString()), false, 8192, false, null, true, null, 0, KnowledgeBase.DEFAULT_TIME_BUDGET)).isNotSameAs(first);
        // every setting is part of the key: a different time budget or filter is a different KB
        assertThat(Diagnoser.knowledgeBase(List.of(dir.toString()), true, 8192, false, null, true, null, 0,
                java.time.Duration.ofMillis(5))).isNotSameAs(first);
        assertThat(Diagnoser.knowledgeBase(List.of(dir.toString()), true, 8192, false, null, true, "network", 0,
                KnowledgeBase.DEFAULT_TIME_BUDGET)).isNotSameAs(first);

        Files.writeString(file, "{\"id\": \"team/b\", \"regex\": \"alpha failure\"}");
        KnowledgeBase changed = Diagnoser.knowledgeBase(List.of(dir.toString()), true, 8192, false, null, true, null, 0, KnowledgeBase.DEFAULT_TIME_BUDGET);
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.entry("team/b")).isPresent();
    }
}
