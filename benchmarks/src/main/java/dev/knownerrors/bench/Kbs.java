package dev.knownerrors.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.KnownError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Knowledge bases of a given size for the benchmarks: the bundled entries (the seed first),
 * then the deadends.dev snapshot's regexes when it is present, then generated variants of
 * those regexes up to the size asked for: each word of four or more letters has two letters
 * changed, which keeps the regexes' structure, literal lengths, letter frequencies and shared
 * prefixes, while, like real entries, their words do not occur in ordinary log text.
 */
final class Kbs {

    static final Path DEADENDS = Path.of(System.getProperty("knownerrors.deadends", "../shared/data/deadends-canons"));
    static final String SEED_ID = "database/redis-bgsave-fork-error";

    private Kbs() {
    }

    static boolean deadendsPresent() {
        return Files.isDirectory(DEADENDS);
    }

    /** id → Java regex of the real entries: bundled (seed first), then deadends.dev when present. */
    static Map<String, String> realRegexes() {
        Map<String, String> out = new LinkedHashMap<>();
        List<KnownError> bundled = new ArrayList<>(KnowledgeBase.bundled().entries());
        bundled.sort(Comparator.comparing((KnownError e) -> !e.id().equals(SEED_ID)).thenComparing(KnownError::id));
        bundled.forEach(e -> out.put(e.id(), e.regex()));
        if (deadendsPresent()) {
            KnowledgeBase de = KnowledgeBase.builder().bundled(false).domains(List.of("all")).precisionGuard(false)
                    .source(DEADENDS.toString()).build();
            de.entries().forEach(e -> out.putIfAbsent(e.id(), e.regex()));
        }
        return out;
    }

    /**
     * A directory holding exactly {@code n} entries: the snapshot's as copies of their canon
     * files (so they load as users load them: third-party data, with its attribution, under the
     * precision guard's rules for it), the bundled and generated ones in one JSON Lines file.
     */
    static Path directory(int n) {
        Map<String, String> regexes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : realRegexes().entrySet()) {
            if (regexes.size() == n) {
                break;
            }
            regexes.put(e.getKey(), e.getValue());
        }
        List<String> bases = new ArrayList<>(regexes.values());
        Random random = new Random(n);
        for (int i = 0; regexes.size() < n; i++) {
            String variant = variant(bases.get(i % bases.size()), random);
            if (variant != null) {
                regexes.put("generated/variant-" + i, variant);
            }
        }
        try {
            Path dir = Files.createTempDirectory("kb-" + n + "-");
            List<Path> written = new ArrayList<>();
            Path flat = dir.resolve("entries.jsonl");
            written.add(flat);
            try (Writer w = Files.newBufferedWriter(flat, StandardCharsets.UTF_8)) {
                JsonFactory json = new JsonFactory();
                for (Map.Entry<String, String> e : regexes.entrySet()) {
                    Path canon = canonFile(e.getKey());
                    if (canon != null) {
                        Path copy = dir.resolve("canons").resolve(e.getKey() + ".json");
                        Files.createDirectories(copy.getParent());
                        Files.copy(canon, copy);
                        written.add(copy);
                        continue;
                    }
                    try (JsonGenerator g = json.createGenerator(w)) {
                        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                        g.writeStartObject();
                        g.writeStringField("id", e.getKey());
                        g.writeStringField("regex", e.getValue());
                        g.writeStringField("root_cause", "Benchmark entry " + e.getKey() + ".");
                        g.writeArrayFieldStart("workarounds");
                        g.writeStartObject();
                        g.writeStringField("action", "Do the thing for " + e.getKey());
                        g.writeNumberField("success_rate", 0.8);
                        g.writeEndObject();
                        g.writeEndArray();
                        g.writeNumberField("confidence", 0.8);
                        g.writeEndObject();
                    }
                    w.write('\n');
                }
            }
            deleteOnExit(dir, written);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the load and heap measures read a KB of {@code size} entries: the snapshot's directory
     * itself for 2,522 (when present), else a {@link #directory} of exactly that many.
     */
    static String location(int size) {
        return size == 2522 && deadendsPresent() ? DEADENDS.toString() : directory(size).toString();
    }

    /**
     * A builder for a KB location: the snapshot's directory as users load it (default settings),
     * or a {@link #directory} with every entry in use whatever its domain (exactly that many entries).
     */
    static KnowledgeBase.Builder builder(String location) {
        KnowledgeBase.Builder b = KnowledgeBase.builder().bundled(false).source(location);
        return location.equals(DEADENDS.toString()) ? b : b.domains(List.of("all"));
    }

    /** The snapshot's file of the canon with this id, or {@code null} (bundled and generated entries have none). */
    private static Path canonFile(String id) {
        if (!deadendsPresent() || id.startsWith("generated/") || KnowledgeBase.bundled().entry(id).isPresent()) {
            return null;
        }
        Path file = DEADENDS.resolve(id + ".json");
        return Files.isRegularFile(file) ? file : null;
    }

    /** Removes the files, then their directories (deleteOnExit runs in the reverse order of registration). */
    private static void deleteOnExit(Path dir, List<Path> files) {
        java.util.Set<Path> dirs = new java.util.TreeSet<>();
        for (Path f : files) {
            for (Path d = f.getParent(); d != null && d.startsWith(dir); d = d.getParent()) {
                dirs.add(d);
            }
        }
        dirs.forEach(d -> d.toFile().deleteOnExit()); // parents sort first, so they are deleted last
        files.forEach(f -> f.toFile().deleteOnExit());
    }

    static KnowledgeBase load(int n) {
        return load(n, false);
    }

    /**
     * With {@code guard} false, exactly n entries; with it true, the same file as users would run
     * it (the precision guard on: it drops some entries and keeps weak alternatives out of the
     * prefilter).
     */
    static KnowledgeBase load(int n, boolean guard) {
        return load(n, guard, KnowledgeBase.DEFAULT_TIME_BUDGET);
    }

    static KnowledgeBase load(int n, boolean guard, java.time.Duration budget) {
        KnowledgeBase kb = KnowledgeBase.builder().bundled(false).domains(List.of("all")).precisionGuard(guard)
                .timeBudget(budget).source(directory(n).toString()).build();
        if (kb.entry(SEED_ID).isEmpty()) {
            throw new IllegalStateException("the seed entry must be in every benchmark KB");
        }
        return kb;
    }

    private static String mutate(String word, Random random) {
        char[] chars = word.toCharArray();
        for (int k = 0; k < 2; k++) {
            int at = random.nextInt(chars.length);
            chars[at] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    /** The regex with two letters of each word of 4+ letters (outside classes and escapes) changed; null if it no longer compiles. */
    static String variant(String regex, Random random) {
        StringBuilder out = new StringBuilder(regex.length());
        boolean inClass = false;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(i + 1));
                i += 2;
            } else if (c == '[' || c == ']') {
                inClass = c == '[';
                out.append(c);
                i++;
            } else if (!inClass && Character.isLetter(c)) {
                int end = i;
                while (end < regex.length() && Character.isLetter(regex.charAt(end))) {
                    end++;
                }
                boolean groupName = i >= 2 && regex.startsWith("?<", i - 2);
                out.append(end - i >= 4 && !groupName ? mutate(regex.substring(i, end), random) : regex.substring(i, end));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        try {
            Pattern.compile(out.toString());
            return out.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
