package dev.knownerrors.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Texts for tests that compare engines: real log lines and KB texts, and mutations of them. */
final class Corpus {

    /** Characters that fold in unusual ways under Unicode case folding, and other troublemakers. */
    static final String ODD = "İıKſßÅΣςσ\u0130\u0131\u212A\u017F\u00C5ǅ\r\n\t\u0085\u2028é€😀";

    private Corpus() {
    }

    /** Every line of the repository's sample log and of the benign corpus files, when present. */
    static List<String> realLines() {
        List<String> lines = new ArrayList<>();
        for (Path p : List.of(Path.of("../examples/sample/app.log"), Path.of("src/test/resources/corpus/benign"))) {
            if (Files.isRegularFile(p)) {
                lines.addAll(read(p));
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> lines.addAll(read(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} variations of the seeds: case flips, odd characters, cuts, splices, noise. */
    static List<String> mutations(List<String> seeds, int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String s = seeds.get(r.nextInt(seeds.size()));
            StringBuilder sb = new StringBuilder(s);
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits && sb.length() > 0; k++) {
                int at = r.nextInt(sb.length());
                switch (r.nextInt(7)) {
                    case 0 -> sb.setCharAt(at, Character.isUpperCase(sb.charAt(at))
                            ? Character.toLowerCase(sb.charAt(at)) : Character.toUpperCase(sb.charAt(at)));
                    case 1 -> sb.insert(at, ODD.charAt(r.nextInt(ODD.length())));
                    case 2 -> sb.setLength(at);
                    case 3 -> sb.insert(at, seeds.get(r.nextInt(seeds.size())));
                    case 4 -> sb.deleteCharAt(at);
                    case 5 -> sb.insert(at, (char) (32 + r.nextInt(95)));
                    default -> sb.replace(at, Math.min(sb.length(), at + 3), s.toUpperCase());
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
