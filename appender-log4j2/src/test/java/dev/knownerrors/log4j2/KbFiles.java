package dev.knownerrors.log4j2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes KB entry files the way a person or a deployment would: whole file, or replaced by a rename. */
final class KbFiles {

    private KbFiles() {
    }

    /** One entry; {@code regex} is a Java regex (JSON-escaped here). */
    static String entry(String id, String regex, String rootCause) {
        return "{\"id\": \"" + id + "\", \"regex\": \"" + regex.replace("\\", "\\\\") + "\", \"root_cause\": \""
                + rootCause + "\", \"workarounds\": [{\"action\": \"Ask the team\"}]}";
    }

    static void write(Path file, String json) {
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file in one step (write beside it, then rename over it). */
    static void replace(Path file, String json) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
