package dev.knownerrors.kb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deadends.dev snapshot beside the repository (skipped when absent; never copied in):
 * loading counts, the false-positive rate on benign log files the guard's sample does not
 * come from, and self-recall (a canon whose regex matches its own signature should diagnose
 * it). The figures are printed; docs/DEADENDS.md quotes them.
 */
class DeadendsSnapshotTest {

    static final Path DEADENDS = PrefilterDifferentialTest.DEADENDS;
    /** Benign corpus files the guard's shipped sample was not taken from. */
    static final List<String> HELD_OUT = List.of("spring-boot-liquibase-h2", "reactor-netty", "kafka-client", "redis-server-replica");

    static List<String> heldOut = new ArrayList<>();

    @BeforeAll
    static void corpus() throws IOException {
        for (String f : HELD_OUT) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/corpus/benign/" + f + ".log"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    heldOut.add(line);
                }
            }
        }
    }

    @Test
    void guardCutsFalsePositivesOnHeldOutBenignLogsAndReportsCounts() {
        assumeTrue(Files.isDirectory(DEADENDS), "deadends.dev snapshot not present at " + DEADENDS);
        long t0 = System.nanoTime();
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(DEADENDS.toString()).build();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        KnowledgeBase unguarded = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(DEADENDS.toString()).build();
        double with = rate(guarded);
        double without = rate(unguarded);
        System.out.printf("deadends.dev: loaded in %d ms: %s%n", loadMs, guarded.summary());
        System.out.printf("deadends.dev: held-out benign lines diagnosed: %.1f %% without the guard, %.1f %% with it (%d lines)%n",
                100 * without, 100 * with, heldOut.size());
        assertThat(guarded.attributions()).containsExactly("deadends.dev (github.com/dbwls99706/deadends.dev), CC BY 4.0");
        assertThat(without).as("unguarded rate").isGreaterThan(0.05);
        assertThat(with).as("guarded rate (target: at most 1 %)").isLessThanOrEqualTo(0.01);
    }

    @Test
    void selfRecallInSoftwareDomainsIsMeasured() {
        assumeTrue(Files.isDirectory(DEADENDS), "deadends.dev snapshot not present at " + DEADENDS);
        KnowledgeBase all = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(DEADENDS.toString()).build();
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(DEADENDS.toString()).build();
        int eligible = 0;
        int exact = 0;
        int sameError = 0;
        for (KnownError e : all.entries()) {
            if (e.signature() == null || !Pattern.compile(e.regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                    | Pattern.UNIX_LINES).matcher(e.signature()).find()) {
                continue;
            }
            eligible++;
            String got = guarded.diagnoseText(e.signature()).map(Diagnosis::id).orElse("");
            exact += got.equals(e.id()) ? 1 : 0;
            sameError += slug(got).equals(slug(e.id())) ? 1 : 0;
        }
        System.out.printf("deadends.dev self-recall (software domains, regex matches own signature, guarded): %d of %d"
                + " (%.1f %%) as that canon, %d (%.1f %%) as that canon or the same error for another environment%n",
                exact, eligible, 100.0 * exact / eligible, sameError, 100.0 * sameError / eligible);
        assertThat(eligible).isGreaterThan(1500);
        assertThat((double) exact / eligible).as("self-recall (target: at least 90 %)").isGreaterThanOrEqualTo(0.90);
    }

    /** {@code domain/slug} of {@code domain/slug/env}. */
    private static String slug(String id) {
        int last = id.lastIndexOf('/');
        return last > 0 ? id.substring(0, last) : id;
    }

    private static double rate(KnowledgeBase kb) {
        int hits = 0;
        for (String line : heldOut) {
            hits += kb.diagnoseText(line).isPresent() ? 1 : 0;
        }
        return (double) hits / heldOut.size();
    }
}
