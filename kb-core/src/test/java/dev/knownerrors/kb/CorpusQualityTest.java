package dev.knownerrors.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled KB against real log text (src/test/resources/corpus, see its README): the share
 * of benign lines it diagnoses (target at most 1 in 1,000) and the share of real error events
 * it diagnoses as the expected entry. Both figures are printed; the README quotes them.
 */
class CorpusQualityTest {

    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.builder().bundled(false).source("src/main/kb").build();
    }

    @Test
    void benignCorpusIsDiagnosedAtMostOnceInAThousandLines() throws IOException {
        int lines = 0;
        List<String> diagnosed = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("benign"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).isBlank()) {
                        continue;
                    }
                    lines++;
                    Optional<Diagnosis> d = kb.diagnoseText(all.get(i));
                    if (d.isPresent()) {
                        diagnosed.add(file.getFileName() + ":" + (i + 1) + " -> " + d.get().id() + " : " + all.get(i));
                    }
                }
            }
        }
        System.out.printf("benign corpus: %d of %d lines diagnosed (%.2f per 1,000)%n", diagnosed.size(), lines,
                1000.0 * diagnosed.size() / lines);
        diagnosed.forEach(d -> System.out.println("  false positive: " + d));
        assertThat(lines).as("benign corpus lines").isGreaterThan(4000);
        assertThat(1000.0 * diagnosed.size() / lines).as("false positives per 1,000 lines: %s", diagnosed).isLessThanOrEqualTo(1.0);
    }

    @Test
    void errorCorpusIsMostlyDiagnosedAsTheExpectedEntry() throws IOException {
        int labelled = 0;
        int correct = 0;
        int unlabelledDiagnosed = 0;
        int unlabelled = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("errors.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] event = parse(line);
            Optional<Diagnosis> d = kb.diagnoseText(event[1]);
            if (event[2] == null) {
                unlabelled++;
                unlabelledDiagnosed += d.isPresent() ? 1 : 0;
                continue;
            }
            labelled++;
            if (d.isPresent() && d.get().id().equals(event[2])) {
                correct++;
            } else {
                misses.add(event[0] + ": expected " + event[2] + ", got " + d.map(Diagnosis::id).orElse("nothing"));
            }
        }
        System.out.printf("error corpus: %d of %d labelled events diagnosed as the expected entry (recall %.1f %%);"
                + " %d of %d unlabelled events diagnosed%n", correct, labelled, 100.0 * correct / labelled,
                unlabelledDiagnosed, unlabelled);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(labelled).isGreaterThan(100);
        assertThat((double) correct / labelled).as("recall; misses: %s", misses).isGreaterThanOrEqualTo(0.85);
    }

    /** source, text, expected (or null). */
    private static String[] parse(String line) throws IOException {
        String[] out = new String[3];
        try (JsonParser p = new JsonFactory().createParser(line)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    String value = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    switch (name) {
                        case "source" -> out[0] = value;
                        case "text" -> out[1] = value;
                        case "expected" -> out[2] = value;
                        default -> { }
                    }
                }
            }
        }
        return out;
    }
}
