package dev.knownerrors.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisFormatterTest {

    @TempDir
    Path dir;

    private Diagnosis diagnosis(String json, String text) {
        return Entries.load(Entries.write(dir, "a.json", json)).diagnose(text, null).orElseThrow();
    }

    @Test
    void blockShowsFirstSentenceTopWorkaroundFirstDeadEndAndDocs() {
        Diagnosis d = diagnosis("{\"id\": \"t/disk\", \"regex\": \"disk full\", \"root_cause\": \"The disk is full, e.g. logs. More text.\","
                + " \"workarounds\": [{\"action\": \"Delete old logs\", \"success_rate\": 0.8}, {\"action\": \"Buy disk\", \"success_rate\": 0.85}],"
                + " \"dead_ends\": [{\"action\": \"\", \"why_fails\": \"Restarting frees nothing\", \"fail_rate\": 0.7},"
                + " {\"action\": \"Reboot\", \"why_fails\": \"no\", \"fail_rate\": 0.9}],"
                + " \"official_doc_url\": \"https://example.org/disk\", \"confidence\": 0.8}", "disk full");
        assertThat(DiagnosisFormatter.of(Language.EN, false).block(d)).isEqualTo(String.join("\n",
                "  \u2691 known error t/disk \u2014 The disk is full, e.g. logs.",
                "    try: Buy disk (85 %)",
                "    don't: Restarting frees nothing (fails 70 %)",
                "    docs: https://example.org/disk"));
        assertThat(DiagnosisFormatter.of(Language.EN, true).block(d)).isEqualTo(String.join("\n",
                "  [known error] t/disk - The disk is full, e.g. logs.",
                "    try: Buy disk (85 %)",
                "    don't: Restarting frees nothing (fails 70 %)",
                "    docs: https://example.org/disk"));
    }

    @Test
    void ansiColoursEachPartWithItsOwnCodeAndResetsAfterIt() {
        Diagnosis d = diagnosis("{\"id\": \"t/disk\", \"regex\": \"disk full\", \"root_cause\": \"The disk is full. More.\","
                + " \"workarounds\": [{\"action\": \"Buy disk\", \"success_rate\": 0.85}],"
                + " \"dead_ends\": [{\"action\": \"Reboot\", \"why_fails\": \"frees nothing\", \"fail_rate\": 0.7}],"
                + " \"official_doc_url\": \"https://example.org/disk\"}", "disk full");
        DiagnosisFormatter plain = DiagnosisFormatter.of(Language.EN, false);
        DiagnosisFormatter ansi = plain.withAnsi(true);

        assertThat(ansi.block(d)).isEqualTo(String.join("\n",
                "  \u001b[1;31m\u2691 known error t/disk\u001b[0;39m \u2014 The disk is full.",
                "    \u001b[32mtry: Buy disk (85 %)\u001b[0;39m",
                "    \u001b[33mdon't: Reboot \u2014 frees nothing (fails 70 %)\u001b[0;39m",
                "    \u001b[2mdocs: https://example.org/disk\u001b[0;39m"));
        assertThat(ansi.block(d).replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.block(d));
        assertThat(DiagnosisFormatter.of(Language.EN, true).withAnsi(true).block(d))
                .startsWith("  \u001b[1;31m[known error] t/disk\u001b[0;39m - The disk is full.");
        assertThat(ansi.fields(d)).isEqualTo(plain.fields(d));
        assertThat(plain.block(d)).doesNotContain("\u001b");
        assertThat(ansi.withAnsi(false).block(d)).isEqualTo(plain.block(d));
    }

    @Test
    void ansiColouringOnlyEverEmitsItsOwnCodesAroundSanitisedKbText() {
        Diagnosis d = diagnosis("{\"id\": \"t/evil\", \"regex\": \"evil\","
                + " \"root_cause\": \"cause \\u001b[31mred\\u009b2J\","
                + " \"workarounds\": [{\"action\": \"a\\u001b]8;;x\\u0007b\"}],"
                + " \"official_doc_url\": \"https://x\\u001b[0m\"}", "evil");
        String block = DiagnosisFormatter.of(Language.EN, false).withAnsi(true).block(d);

        assertThat(block.replaceAll("\u001b\\[(1;31|32|33|2|0;39)m", "")).doesNotContain("\u001b", "\u009b", "\u0007");
        assertThat(block).contains("cause \uFFFD[31mred\uFFFD2J",
                "\u001b[32mtry: a\uFFFD]8;;x\uFFFDb\u001b[0;39m", "docs: https://x\uFFFD[0m\u001b[0;39m");
    }

    @Test
    void linesForAbsentPartsAreLeftOut() {
        Diagnosis d = diagnosis("{\"id\": \"t/bare\", \"regex\": \"bare failure\"}", "bare failure");
        assertThat(DiagnosisFormatter.of(Language.EN, false).block(d)).isEqualTo("  \u2691 known error t/bare");
        assertThat(DiagnosisFormatter.of(Language.EN, false).fields(d)).containsOnlyKeys("kb.id");
    }

    @Test
    void controlCharactersInKbTextCannotForgeLinesOrEscapeTheTerminal() {
        Diagnosis d = diagnosis("{\"id\": \"t/evil\", \"regex\": \"evil\","
                + " \"root_cause\": \"line one\\r\\n2026-01-01 ERROR forged \\u001b[31mred\\u202Eright\","
                + " \"workarounds\": [{\"action\": \"a\\nb\\u0085c\"}]}", "evil");
        DiagnosisFormatter f = DiagnosisFormatter.of(Language.EN, false);
        String block = f.block(d);
        assertThat(block.lines()).hasSize(2);
        assertThat(block).doesNotContain("\u001b", "\r", "\u202E", "\u0085")
                .contains("line one 2026-01-01 ERROR forged \uFFFD[31mred\uFFFDright");
        assertThat(f.fields(d).values()).allSatisfy(v -> assertThat(v).doesNotContain("\n", "\r", "\u001b"));
        assertThat(DiagnosisFormatter.of(Language.EN, true).block(d)).matches("[\\x20-\\x7E\\n]+");
    }

    @Test
    void fieldsCarryFullRootCauseTopWorkaroundFirstDeadEndUrlAndConfidence() {
        Diagnosis d = diagnosis("{\"id\": \"t/disk\", \"regex\": \"disk full\", \"root_cause\": \"Full. Really.\","
                + " \"workarounds\": [{\"action\": \"Delete\", \"success_rate\": 0.8}],"
                + " \"dead_ends\": [{\"action\": \"Reboot\", \"why_fails\": \"no\"}],"
                + " \"official_doc_url\": \"https://example.org\", \"confidence\": 0.8}", "disk full");
        assertThat(DiagnosisFormatter.of(Language.EN, false).fields(d)).containsExactly(
                org.assertj.core.api.Assertions.entry("kb.id", "t/disk"),
                org.assertj.core.api.Assertions.entry("kb.root_cause", "Full. Really."),
                org.assertj.core.api.Assertions.entry("kb.workaround", "Delete"),
                org.assertj.core.api.Assertions.entry("kb.dead_end", "Reboot \u2014 no"),
                org.assertj.core.api.Assertions.entry("kb.doc_url", "https://example.org"),
                org.assertj.core.api.Assertions.entry("kb.confidence", "0.80"));
    }

    @Test
    void suffixIsALineBreakAndTheBlock() {
        Diagnosis d = diagnosis("{\"id\": \"t/bare\", \"regex\": \"bare failure\"}", "bare failure");
        DiagnosisFormatter f = DiagnosisFormatter.of(Language.EN, false);
        assertThat(f.suffix(d)).isEqualTo("\n" + f.block(d));
    }

    @Test
    void aRepeatLinePreparedOnceRendersEveryCountInEachLanguage() {
        Diagnosis d = diagnosis("{\"id\": \"t/disk\", \"regex\": \"disk full\"}", "disk full");
        java.time.Duration minute = java.time.Duration.ofSeconds(60);
        DiagnosisFormatter.RepeatLine en = DiagnosisFormatter.of(Language.EN, false).repeatLine(d, minute);
        assertThat(en.text(2)).isEqualTo("  \u2691 known error t/disk (seen 2 times in the last 60 s; details above)");
        assertThat(en.text(1_234_567)).isEqualTo("  \u2691 known error t/disk (seen 1,234,567 times in the last 60 s; details above)");
        assertThat(en.suffix(1_234_567)).isEqualTo("\n" + en.text(1_234_567));
        assertThat(DiagnosisFormatter.of(Language.EN, true).repeatLine(d, java.time.Duration.ofMinutes(5)).text(3))
                .isEqualTo("  [known error] t/disk (seen 3 times in the last 5 min; details above)");
        DiagnosisFormatter.RepeatLine zh = DiagnosisFormatter.of(Language.ZH, false).repeatLine(d, minute);
        assertThat(zh.text(1_204)).isEqualTo("  \u2691 \u5df2\u77e5\u9519\u8bef t/disk\uff0860 \u79d2\u5185\u5df2\u51fa\u73b0 1,204 "
                + "\u6b21\uff0c\u8be6\u60c5\u89c1\u4e0a\u6587\uff09");
        assertThat(DiagnosisFormatter.of(Language.ZH, false).repeat(d, 1_204, minute)).isEqualTo(zh.text(1_204));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 7, 999, 1_000, 1_204, 99_999, 100_000, 1_234_567,
            Long.MAX_VALUE, -1, -1_000, Long.MIN_VALUE})
    void repeat_counts_are_grouped_as_percent_comma_d_in_the_root_locale(long n) {
        assertThat(DiagnosisFormatter.grouped(n)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
    }
}
