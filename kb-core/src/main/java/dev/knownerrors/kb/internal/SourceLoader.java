package dev.knownerrors.kb.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.knownerrors.kb.LoadProblem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads KB locations — a file (one object, an array, or JSON Lines), a directory (recursive,
 * {@code *.json} / {@code *.jsonl}, in path order), or a {@code classpath:} resource — into
 * compiled entries. Never throws for bad input: every problem is collected with its source,
 * entry and field, and the rest loads.
 */
public final class SourceLoader {

    /** A KB file larger than this is reported and not read. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    static final int MAX_DIRECTORY_DEPTH = 32;

    private final JsonFactory json = JsonFactory.builder().build();
    private final List<CompiledEntry> entries = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    public List<CompiledEntry> entries() {
        return entries;
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    /** Loads one location; problems are collected, never thrown. */
    public void load(String location) {
        if (location == null || location.isBlank()) {
            problems.add(new LoadProblem(String.valueOf(location), "", "", "empty knowledge-base location"));
            return;
        }
        String loc = location.strip();
        try {
            if (loc.startsWith("classpath:")) {
                loadResource(loc);
            } else {
                loadPath(loc, toPath(loc));
            }
        } catch (RuntimeException e) {
            problems.add(new LoadProblem(loc, "", "", "cannot be read: " + e));
        }
    }

    /** The file-system path of a non-{@code classpath:} location (a path or a {@code file:} URL). */
    static Path toPath(String loc) {
        if (loc.startsWith("file:/")) {
            return Path.of(URI.create(loc));
        }
        return Path.of(loc.startsWith("file:") ? loc.substring("file:".length()) : loc);
    }

    private void loadResource(String loc) {
        String name = loc.substring("classpath:".length());
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        if (in == null) {
            in = SourceLoader.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            problems.add(new LoadProblem(loc, "", "", "classpath resource not found"));
            return;
        }
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                problems.add(new LoadProblem(loc, "", "", "larger than " + MAX_FILE_BYTES + " bytes; not read"));
                return;
            }
            parse(bytes, loc, name.toLowerCase(Locale.ROOT).endsWith(".jsonl"));
        } catch (IOException e) {
            problems.add(new LoadProblem(loc, "", "", "cannot be read: " + e.getMessage()));
        }
    }

    private void loadPath(String loc, Path path) {
        if (!Files.exists(path)) {
            problems.add(new LoadProblem(loc, "", "", "no such file or directory"));
        } else if (Files.isDirectory(path)) {
            for (Path file : listDirectory(path)) {
                loadFile(file);
            }
        } else {
            loadFile(path);
        }
    }

    private List<Path> listDirectory(Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DIRECTORY_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (attrs.isRegularFile() && (name.endsWith(".json") || name.endsWith(".jsonl"))) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String why = e instanceof FileSystemLoopException
                                    ? "symbolic link loop; not followed" : "cannot be read: " + e.getMessage();
                            problems.add(new LoadProblem(file.toString(), "", "", why));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new LoadProblem(dir.toString(), "", "", "cannot list directory: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    private void loadFile(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new LoadProblem(source, "", "", "larger than " + MAX_FILE_BYTES + " bytes; not read"));
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            parse(bytes, source, source.toLowerCase(Locale.ROOT).endsWith(".jsonl"));
        } catch (IOException e) {
            problems.add(new LoadProblem(source, "", "", "cannot be read: " + e));
        }
    }

    private void parse(byte[] bytes, String source, boolean jsonLines) {
        if (jsonLines) {
            parseLines(bytes, source);
            return;
        }
        int index = 0;
        try (JsonParser p = json.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        index++;
                        value(p, source, index);
                    }
                } else {
                    index++;
                    value(p, source, index);
                }
            }
        } catch (JsonValues.TooDeepException e) {
            problems.add(new LoadProblem(source, "#" + index, "", e.getMessage() + "; the rest of the source is skipped"));
        } catch (JsonProcessingException e) {
            problems.add(new LoadProblem(source, "", "", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + (index > 0 ? " (entries before it loaded)" : "")));
        } catch (IOException e) {
            problems.add(new LoadProblem(source, "", "", "cannot be read: " + e.getMessage()));
        }
    }

    private void parseLines(byte[] bytes, String source) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String label = "line " + (i + 1);
            try (JsonParser p = json.createParser(lines[i])) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    problems.add(new LoadProblem(source, label, "", "expected a JSON object, found " + t));
                    continue;
                }
                Object value = JsonValues.read(p);
                if (p.nextToken() != null) {
                    problems.add(new LoadProblem(source, label, "", "more than one JSON value on the line"));
                    continue;
                }
                entry(value, source, label);
            } catch (IOException e) {
                String why = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
                problems.add(new LoadProblem(source, label, "", "malformed JSON: " + why));
            }
        }
    }

    private void value(JsonParser p, String source, int index) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        String label = "#" + index + " (line " + line + ")";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(new LoadProblem(source, label, "", "expected a JSON object, found " + p.currentToken()));
            p.skipChildren();
            return;
        }
        entry(JsonValues.read(p), source, label);
    }

    @SuppressWarnings("unchecked")
    private void entry(Object value, String source, String label) {
        CompiledEntry e = EntryReader.read((Map<String, Object>) value, source, label, problems);
        if (e != null) {
            entries.add(e);
        }
    }
}
