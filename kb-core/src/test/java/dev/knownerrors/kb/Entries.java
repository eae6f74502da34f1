package dev.knownerrors.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small KB source files for tests. */
final class Entries {

    private Entries() {
    }

    /** A minimal valid entry in the seed's shape. */
    static String entry(String id, String regex) {
        return entry(id, regex, 0.8);
    }

    static String entry(String id, String regex, double confidence) {
        return "{\"id\": \"" + id + "\", \"signature\": \"sig " + id + "\", \"regex\": \"" + regex + "\","
                + " \"domain\": \"test\", \"root_cause\": \"Cause of " + id + ". More detail.\","
                + " \"workarounds\": [{\"action\": \"fix " + id + "\", \"success_rate\": 0.9}],"
                + " \"confidence\": " + confidence + "}";
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnowledgeBase load(Path... locations) {
        // the precision guard has its own tests; these use deliberately small regexes
        KnowledgeBase.Builder b = KnowledgeBase.builder().bundled(false).precisionGuard(false);
        for (Path p : locations) {
            b.source(p.toString());
        }
        return b.build();
    }
}
