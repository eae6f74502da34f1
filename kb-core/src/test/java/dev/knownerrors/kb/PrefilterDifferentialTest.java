package dev.knownerrors.kb;

import dev.knownerrors.kb.internal.Engine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The indexed engine must find exactly what running every regex in winner order finds: the
 * same entry and the same matched span, on real log text, every KB example and
 * counter-example, and many generated variations of them (case flips, characters with unusual
 * case folding, cuts and splices).
 */
class PrefilterDifferentialTest {

    /** The deadends.dev snapshot beside the repository, when present (never copied into it). */
    static final Path DEADENDS = Path.of(System.getProperty("knownerrors.deadends", "../../shared/data/deadends-canons"));

    // Both engines run without a time budget here: the reference has none, and the comparison is
    // about which entries the prefilter lets through, not about how long a regex may take.

    @Test
    void bundledKbEngineAgreesWithRunningEveryRegex() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).timeBudget(Duration.ZERO).source("src/main/kb").build();
        List<String> seeds = texts(kb);
        seeds.addAll(Corpus.realLines());
        List<String> corpus = new ArrayList<>(seeds);
        corpus.addAll(Corpus.mutations(seeds, 30_000, 42));
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).as("texts that some entry matched").isGreaterThan(1000);
    }

    /**
     * The positional step rules a candidate out when its literals do not occur in regex order:
     * the examples with their words reversed, their halves swapped, or split across two lines,
     * must still get exactly what running every regex gives.
     */
    @Test
    void examplesWithTheirLiteralsReorderedAgreeWithRunningEveryRegex() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).timeBudget(Duration.ZERO).source("src/main/kb").build();
        List<String> corpus = new ArrayList<>();
        for (KnownError e : kb.entries()) {
            for (String example : e.examples()) {
                String[] words = example.split(" ");
                java.util.Collections.reverse(java.util.Arrays.asList(words));
                corpus.add(String.join(" ", words));
                int half = example.length() / 2;
                corpus.add(example.substring(half) + " " + example.substring(0, half));
                corpus.add(example.substring(0, half) + "\n" + example.substring(half));
                corpus.add(example + " " + example.substring(0, half)); // a repeated first half after a full match
            }
        }
        assertThat(corpus).hasSizeGreaterThan(400);
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).as("reordered texts that some entry still matches").isGreaterThan(100);
    }

    /**
     * The scan reads the text in chunks of 256 characters: literals that straddle a chunk's end,
     * and texts that are not strings (copied out character by character), must give what running
     * every regex gives.
     */
    @Test
    void textsReadAcrossChunkEndsAndAsOtherCharSequencesAgreeWithRunningEveryRegex() {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).timeBudget(Duration.ZERO).source("src/main/kb").build();
        List<String> corpus = new ArrayList<>();
        for (KnownError e : kb.entries()) {
            for (String example : e.examples()) {
                for (int pad : new int[] {240, 250, 253, 255, 256 + 250}) {
                    corpus.add("~".repeat(pad) + " " + example);
                }
            }
        }
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).isGreaterThan(corpus.size() / 2);
        for (String text : corpus) {
            assertThat(kb.engine().diagnose(new StringBuilder(text))).as(text).isEqualTo(kb.engine().diagnose(text));
        }
    }

    /**
     * A KB with more anchors than the anchor table has room for at 64 places each (it is capped),
     * so that many of its places are shared: the scan must still agree.
     */
    @Test
    void aKbWithMoreAnchorsThanTheAnchorTablesCapAgreesWithRunningEveryRegex() {
        java.util.Random random = new java.util.Random(11);
        assertLargeKbAgrees(random, () -> word(random), () -> word(random), 16_384, Integer.MAX_VALUE);
    }

    /**
     * Thousands of triggers that end in the same four characters share one anchor, and are told
     * apart by their full width. (The second word, of three letters, is checked as bigrams: it
     * adds no anchor.)
     */
    @Test
    void triggersThatShareTheirLastCharactersAgreeWithRunningEveryRegex() {
        java.util.Random random = new java.util.Random(12);
        String[] endings = {"qxzj", "vkwq", "zjxq"}; // no 4-grams of ordinary lines: windows end in them
        assertLargeKbAgrees(random, () -> word(random).substring(0, 4) + endings[random.nextInt(endings.length)],
                () -> word(random).substring(0, 3), 0, 90); // 100+ windows an anchor on average
    }

    /**
     * A KB of Chinese phrases over more characters than there are classes: the rare ones share
     * the last class, so most windows have the same key and are compared once per position of a
     * Chinese line, not once per window (a line would otherwise walk every one of them at every
     * character). The engine must still agree.
     */
    @Test
    void windowsWhoseCharactersShareAClassShareOneKeyAndAgreeWithRunningEveryRegex() {
        java.util.Random random = new java.util.Random(13);
        List<String> phrases = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            String phrase = chinese(random, 6);
            phrases.add(phrase);
            json.append(i == 0 ? "" : ",").append(Entries.entry("zh/e" + i, phrase + "\\\\s*\\\\d+"));
        }
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false).timeBudget(Duration.ZERO)
                .source(Entries.write(tempDir(), "zh.json", json.append("]").toString()).toString()).build();
        assertThat(kb.problems()).isEmpty();
        String described = kb.engine().describe();
        int windows = Integer.parseInt(described.replaceAll("^(\\d+) windows.*", "$1"));
        int keys = Integer.parseInt(described.replaceAll(".* (\\d+) keys.*", "$1"));
        assertThat(keys).as(described).isLessThan(windows / 4);
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String phrase = phrases.get(random.nextInt(phrases.size()));
            corpus.add("服务返回 " + phrase + " " + i); // matches
            corpus.add("服务返回 " + phrase.substring(0, 5) + chinese(random, 1) + " " + i); // one character changed
            corpus.add(chinese(random, 40));
        }
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).isGreaterThanOrEqualTo(1_000);
    }

    private static String chinese(java.util.Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) (0x4E00 + random.nextInt(1_500));
        }
        return new String(c);
    }

    private static void assertLargeKbAgrees(java.util.Random random, java.util.function.Supplier<String> first,
                                            java.util.function.Supplier<String> second, int moreAnchorsThan, int fewerAnchorsThan) {
        List<String> words = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 9_000; i++) {
            String a = first.get();
            String b = second.get();
            words.add(a);
            words.add(b);
            json.append(i == 0 ? "" : ",").append(Entries.entry("gen/e" + i, a + "\\\\s+\\\\w+\\\\s+" + b)); // literal runs: the words
        }
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false).timeBudget(Duration.ZERO)
                .source(Entries.write(tempDir(), "large.json", json.append("]").toString()).toString()).build();
        assertThat(kb.problems()).isEmpty();
        int anchors = Integer.parseInt(kb.engine().describe().replaceAll(".* (\\d+) anchors.*", "$1"));
        assertThat(anchors).as(kb.engine().describe()).isGreaterThan(moreAnchorsThan).isLessThan(fewerAnchorsThan);
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int k = random.nextInt(words.size() / 2) * 2;
            corpus.add("at " + i + ": " + words.get(k) + " then " + words.get(k + 1)); // matches
            corpus.add("at " + i + ": " + words.get(k + 1) + " then " + words.get(k)); // out of order
            corpus.add(words.get(k) + " " + first.get() + " " + words.get(random.nextInt(words.size())));
        }
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).isGreaterThanOrEqualTo(1_000);
    }

    private static String word(java.util.Random random) {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }

    /**
     * A regex whose every match begins with its first literal run is tried only from that run's
     * first place. What it sees before that place must not change: look-behinds and word
     * boundaries still read the text before, {@code ^} still means the start of the text, and
     * {@code \\G} (which a later start would move) is not started late at all.
     */
    @Test
    void regexesTriedFromTheirFirstRunAgreeWithRunningEveryRegex() {
        String json = "[" + String.join(",",
                Entries.entry("t/pool", "(?<=pool )exhausted after \\\\d+ ms"),
                Entries.entry("t/quota", "\\\\bdisk quota exceeded"),
                Entries.entry("t/merge", "^fatal: refusing to merge"),
                Entries.entry("t/token", "\\\\Gtoken expired at"),
                Entries.entry("t/peer", "connection (?:reset|refused) by peer"),
                Entries.entry("t/lock", "lock wait timeout exceeded|deadlock found when trying"),
                Entries.entry("t/oom", "[Oo]ut of memory: kill process")) + "]";
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).precisionGuard(false).timeBudget(Duration.ZERO)
                .source(Entries.write(tempDir(), "starts.json", json).toString()).build();
        assertThat(kb.problems()).isEmpty();
        List<String> corpus = List.of(
                "exhausted after 30 ms in pool exhausted after 31 ms", "the db exhausted after 30 ms",
                "xdisk quota exceeded", "xdisk quota exceeded; disk quota exceeded", "/var: disk quota exceeded",
                "fatal: refusing to merge unrelated histories", "git: fatal: refusing to merge",
                "line 1\nfatal: refusing to merge", "token expired at 10:00", "a token expired at 10:00",
                "connection reset by the peer, then connection refused by peer", "connection reset by peer",
                "deadlock found when trying to get lock; lock wait timeout exceeded",
                "lock wait timeout; deadlock found when trying", "Out of memory: Kill process 4121");
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).isEqualTo(10);
    }

    @Test
    void deadendsSnapshotEngineAgreesWithRunningEveryRegex() {
        assumeTrue(Files.isDirectory(DEADENDS), "deadends.dev snapshot not present at " + DEADENDS);
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).timeBudget(Duration.ZERO).allowUnanchored(true).domains(List.of("all"))
                .precisionGuard(false).source(DEADENDS.toString()).build();
        assertThat(kb.entries()).hasSizeGreaterThan(2500);
        List<String> seeds = new ArrayList<>();
        for (KnownError e : kb.entries()) {
            if (e.signature() != null) {
                seeds.add(e.signature());
            }
        }
        seeds.addAll(Corpus.realLines());
        List<String> corpus = new ArrayList<>(Corpus.mutations(seeds, 600, 7));
        corpus.addAll(seeds.subList(0, Math.min(seeds.size(), 600)));
        int matched = assertAgrees(kb.engine(), corpus);
        assertThat(matched).isGreaterThan(300);
    }

    @Test
    void unicodeCaseFoldingIsTheRegexsOwn() {
        String json = "[{\"id\": \"t/skill\", \"regex\": \"skill check\"}, {\"id\": \"t/kelvin\", \"regex\": \"\\u212Aelvin \\u00DFtra\\u00DFe\"},"
                + " {\"id\": \"t/file\", \"regex\": \"\\u017Fome file\"}]";
        Path dir = tempDir();
        KnowledgeBase kb = Entries.load(Entries.write(dir, "a.json", json));
        for (String text : List.of("SKİLL CHECK", "skıll check", "\u212Aill", "KELVIN STRASSE", "kelvin \u00DFtra\u00DFe",
                "SOME FILE", "some \u017File", "\u017Fome file")) {
            Optional<Diagnosis> expected = kb.engine().diagnoseWithoutPrefilter(text);
            assertThat(kb.engine().diagnose(text)).as(text).isEqualTo(expected);
        }
        assertThat(kb.diagnoseText("SKİLL CHECK")).isPresent();
        assertThat(kb.diagnoseText("SOME FILE")).isPresent();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kb-fold");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(KnowledgeBase kb) {
        List<String> texts = new ArrayList<>();
        for (KnownError e : kb.entries()) {
            texts.addAll(e.examples());
            texts.addAll(e.counterExamples());
        }
        return texts;
    }

    /**
     * Runs both engines on every text, on all cores (the engine is thread-safe, and running every
     * regex on tens of thousands of texts is most of this class's time); returns how many texts
     * the reference diagnosed.
     */
    private static int assertAgrees(Engine engine, List<String> corpus) {
        List<String> disagreements = java.util.Collections.synchronizedList(new ArrayList<>());
        long matched = corpus.parallelStream().filter(text -> {
            Optional<Diagnosis> expected = engine.diagnoseWithoutPrefilter(text);
            Optional<Diagnosis> actual = engine.diagnose(text);
            if (!actual.equals(expected) && disagreements.size() < 10) {
                disagreements.add(text + " => " + actual.map(Diagnosis::id) + " but every-regex gives "
                        + expected.map(Diagnosis::id));
            }
            return expected.isPresent();
        }).count();
        assertThat(disagreements).as("texts where the engines disagree").isEmpty();
        return (int) matched;
    }
}
