package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deadends.dev's nested canon shape, the domain filter and the precision guard. */
class CanonAndGuardTest {

    static final String CANONS = "src/test/resources/fixtures/canons";

    @TempDir
    Path dir;

    @Test
    void canonIsMappedOntoTheModelWithItsPythonRegexTranslated() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source(CANONS).build();
        assertThat(kb.problems()).isEmpty();
        KnownError e = kb.entry("java/port-refused/jdk17").orElseThrow();
        assertThat(e.rootCause()).startsWith("A test canon: the metrics agent is not listening.");
        assertThat(e.officialDocUrl()).isEqualTo("https://example.org/canons/java/port-refused/jdk17");
        assertThat(e.topWorkaround().orElseThrow().action()).isEqualTo("Point the client at the agent's real port");
        assertThat(e.confidence()).isEqualTo(0.7);
        assertThat(e.transitionGraph().leadsTo()).containsExactly("java/other/jdk17");
        assertThat(kb.diagnoseText("fixture: PORT 8125 refused the metrics connection")).map(Diagnosis::id)
                .contains("java/port-refused/jdk17");
        assertThat(kb.diagnoseText("Fixture: port 8125 refused the metrics connection, retrying")).isEmpty(); // \\Z
        assertThat(kb.attributions()).containsExactly("deadends.dev (github.com/dbwls99706/deadends.dev), CC BY 4.0");
    }

    @Test
    void nonSoftwareDomainsAreLeftOutByDefaultAndCanBeEnabled() {
        KnowledgeBase byDefault = KnowledgeBase.builder().bundled(false).source(CANONS).build();
        assertThat(byDefault.entry("culture/test-etiquette/any")).isEmpty();
        assertThat(byDefault.skipped()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("filtered: domain 'culture' is not enabled"));
        assertThat(byDefault.summary()).isEqualTo("1 entries in use, 1 left out (domain culture: 1), 0 problems");

        assertThat(KnowledgeBase.builder().bundled(false).source(CANONS).domains(List.of("all")).build().entries()).hasSize(2);
        assertThat(KnowledgeBase.builder().bundled(false).source(CANONS).domains(List.of("culture")).build().entries())
                .extracting(KnownError::id).containsExactly("culture/test-etiquette/any");
    }

    @Test
    void guard_drops_an_entry_none_of_whose_alternatives_carries_enough_literal_text() {
        Path kb = Entries.write(dir, "broad.json", Entries.entry("t/broad", "REJECT|DROP"));
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.entries()).isEmpty();
        assertThat(guarded.skipped()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("precision guard: no alternative requires more than 6 literal characters (minimum 8)"));
        assertThat(KnowledgeBase.builder().bundled(false).precisionGuard(false).source(kb.toString()).build().entries())
                .hasSize(1);
    }

    @Test
    void guard_keeps_an_entry_with_a_strong_alternative_but_ignores_matches_of_its_weak_one() {
        Path kb = Entries.write(dir, "mixed.json", Entries.entry("t/mixed", "firewall blocked the packet|REJECT"));
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.diagnoseText("kernel: firewall blocked the packet from 10.0.0.7")).map(Diagnosis::id)
                .hasValue("t/mixed");
        assertThat(guarded.diagnoseText("iptables: REJECT rule installed")).isEmpty();
        KnowledgeBase unguarded = KnowledgeBase.builder().bundled(false).precisionGuard(false).source(kb.toString()).build();
        assertThat(unguarded.diagnoseText("iptables: REJECT rule installed")).map(Diagnosis::id).hasValue("t/mixed");
    }

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // a lone plain word counts half: 8 letters are 4 characters of evidence
            "filtered|liquibase.util : Filtered out: 0",
            // a short run inside a longer word counts nothing: CAN in cancelled
            "CAN.*error|[terminated=false, cancelled=false, pending=0, error",
            // two words bridging most of a line: the gap is more than 40 characters and 3 times the evidence
            "channel.*error|channel.FluxReceive : [e0e19163-1, L:/127.0.0.1:34814 - R:127.0.0.1/127.0.0.1:58081] [terminated=false, error"})
    void guard_rejects_a_match_with_too_little_evidence(String regex, String line) {
        Path kb = Entries.write(dir, "weak.json", Entries.entry("t/weak", regex.replace("\\", "\\\\") + "|never seen in any log line"));
        assertThat(KnowledgeBase.builder().bundled(false).precisionGuard(false).source(kb.toString()).build()
                .diagnoseText(line)).as("unguarded").isPresent();
        assertThat(KnowledgeBase.builder().bundled(false).source(kb.toString()).build().diagnoseText(line))
                .as("guarded").isEmpty();
    }

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // an identifier written with inner capitals is evidence on its own
            "UNAVAILABLE|io.grpc.StatusRuntimeException: UNAVAILABLE: io exception",
            "LeakCanary|LeakCanary: 1 APPLICATION LEAKS",
            // two plain words close together
            "token.*expired|401 Unauthorized: Token expired",
            // a phrase
            "connection timed out|connect to db:5432 failed: connection timed out"})
    void guard_accepts_a_match_with_enough_evidence(String regex, String line) {
        Path kb = Entries.write(dir, "strong.json", Entries.entry("t/strong", regex));
        assertThat(KnowledgeBase.builder().bundled(false).source(kb.toString()).build().diagnoseText(line))
                .map(Diagnosis::id).hasValue("t/strong");
    }

    @Test
    void among_third_party_matches_the_entry_whose_signature_the_event_resembles_most_wins() {
        String canons = "[" + canon("rest/token-expired", "401 Unauthorized: Token expired", "(token expired|JWT expired)")
                + "," + canon("web/middleware-order", "401 Unauthorized from AuthenticationMiddleware before routing",
                "(401\\\\s*Unauthorized|AuthenticationMiddleware.*not.*configured)") + "]";
        Path kb = Entries.write(dir, "third-party.json", canons);
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.diagnoseText("401 Unauthorized: Token expired")).map(Diagnosis::id).hasValue("rest/token-expired");
        assertThat(guarded.diagnoseText("HTTP 401 Unauthorized from AuthenticationMiddleware before routing"))
                .map(Diagnosis::id).hasValue("web/middleware-order");
    }

    @Test
    void a_third_party_alternative_made_of_everyday_words_never_counts_its_other_alternatives_do() {
        // "consumer" and "lag" each occur in ordinary log lines, and together they are 11 characters
        Path kb = Entries.write(dir, "lag.json", canon("redis/consumer-lag", "Redis stream consumer lag",
                "(consumer.*lag|XPENDING.*backlog)"));
        String metrics = "Metrics published: kafka.consumer.lag=0 up=1";
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.diagnoseText(metrics)).isEmpty();
        assertThat(guarded.diagnoseText("XPENDING mystream group1 shows a backlog of 52000 entries")).map(Diagnosis::id)
                .hasValue("redis/consumer-lag");
        assertThat(guarded.skipped()).isEmpty();
        assertThat(KnowledgeBase.builder().bundled(false).precisionGuard(false).source(kb.toString()).build()
                .diagnoseText(metrics)).map(Diagnosis::id).hasValue("redis/consumer-lag");
    }

    @Test
    void a_common_log_word_with_a_short_token_is_everyday_text_too() {
        // "error" is one of the words every log is full of; "SWD" is too short to tell a line apart
        Path kb = Entries.write(dir, "swd.json", canon("embedded/swd", "SWD error: target not responding",
                "(SWD.*error|SWD DP not responding)"));
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.diagnoseText("swd driver loaded, error=null")).isEmpty();
        assertThat(guarded.diagnoseText("Error: SWD DP not responding")).map(Diagnosis::id).hasValue("embedded/swd");
    }

    @Test
    void a_third_party_entry_of_everyday_words_only_is_left_out_and_the_report_names_them() {
        Path kb = Entries.write(dir, "idle.json", canon("net/idle", "Idle connection closed by the load balancer",
                "(connection.*idle|idle.*timeout)"));
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.entries()).isEmpty();
        assertThat(guarded.skipped()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("'net/idle'");
            assertThat(p.field()).isEqualTo("regex");
            assertThat(p.message()).isEqualTo("precision guard: every alternative of 8+ literal characters is everyday log"
                    + " text (third-party data: under 16 characters, each 4-character piece found in ordinary log lines):"
                    + " connection\u2026idle | idle\u2026timeout");
        });
        assertThat(guarded.summary()).contains("precision guard, only everyday words: 1");
    }

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // a phrase of 16+ characters says more than its words
            "the database system is starting up|FATAL:  the database system is starting up",
            // a piece that ordinary lines lack
            "Token expired|401 Unauthorized: Token expired"})
    void a_third_party_alternative_with_a_longer_phrase_or_a_rarer_piece_counts(String regex, String line) {
        Path kb = Entries.write(dir, "phrase.json", canon("t/phrase", line, regex));
        assertThat(KnowledgeBase.builder().bundled(false).source(kb.toString()).build().diagnoseText(line))
                .map(Diagnosis::id).hasValue("t/phrase");
    }

    @Test
    void an_own_entry_of_everyday_words_still_counts() {
        // the rule is for third-party data: an entry written for this deployment is trusted with them
        Path kb = Entries.write(dir, "own-lag.json", Entries.entry("team/consumer-lag", "consumer.*lag"));
        assertThat(KnowledgeBase.builder().bundled(false).source(kb.toString()).build()
                .diagnoseText("Consumer group orders: lag 52000 on partition 3")).map(Diagnosis::id)
                .hasValue("team/consumer-lag");
    }

    @Test
    void own_and_bundled_entries_win_over_third_party_data_whatever_its_evidence() {
        Path own = Entries.write(dir, "own.json", Entries.entry("team/refused", "Connection refused"));
        Path third = Entries.write(dir, "canon.json", canon("jdbc/refused", "java.net.ConnectException: Connection refused to the database",
                "ConnectException: Connection refused"));
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source(third.toString()).source(own.toString()).build();
        assertThat(kb.diagnoseText("java.net.ConnectException: Connection refused")).map(Diagnosis::id).hasValue("team/refused");
    }

    @Test
    void guardDropsAnEntryThatMatchesOrdinaryLogText() {
        Path kb = Entries.write(dir, "noisy.json", "[" + Entries.entry("t/noisy", "HikariPool-\\\\d+ - Start completed") + ","
                + Entries.entry("t/fine", "HikariPool-\\\\d+ - Connection is not available") + "]");
        KnowledgeBase guarded = KnowledgeBase.builder().bundled(false).source(kb.toString()).build();
        assertThat(guarded.entries()).extracting(KnownError::id).containsExactly("t/fine");
        assertThat(guarded.skipped()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("'t/noisy'");
            assertThat(p.message()).startsWith("precision guard: matches ordinary log text: ").contains("HikariPool-1 - Start completed");
        });
        // the dropped entry shares the engine's index with the kept one, and never runs
        assertThat(guarded.diagnoseText("HikariPool-1 - Start completed.")).isEmpty();
        assertThat(guarded.diagnoseText("HikariPool-1 - Connection is not available, request timed out after 30000ms."))
                .map(Diagnosis::id).hasValue("t/fine");
    }

    @Test
    void bundledKbPassesTheDomainFilterAndTheGuardWhole() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).source("src/main/kb").build();
        assertThat(kb.skipped()).isEmpty();
        assertThat(kb.attributions()).isEmpty();
    }

    /** A minimal canon in deadends.dev's nested shape (so it carries the third-party attribution). */
    static String canon(String id, String signature, String regex) {
        return "{\"id\": \"" + id + "\", \"url\": \"https://example.org/" + id + "\", \"error\": {\"signature\": \""
                + signature + "\", \"regex\": \"" + regex + "\", \"domain\": \"test\"}, \"verdict\": {\"confidence\": 0.5,"
                + " \"summary\": \"Cause of " + id + ".\"}, \"dead_ends\": [], \"workarounds\": [{\"action\": \"fix " + id
                + "\", \"success_rate\": 0.5}]}";
    }
}
