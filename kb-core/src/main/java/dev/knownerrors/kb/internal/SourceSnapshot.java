package dev.knownerrors.kb.internal;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What the file and directory KB locations hold at one moment: per KB file (the files
 * {@link SourceLoader} would read: the file itself, or {@code *.json} / {@code *.jsonl} under a
 * directory) its size, modification time and a CRC-32 of its content; a location that does not
 * exist is recorded as missing. The content is hashed because a modification time can be too
 * coarse to tell two quick writes apart. {@code classpath:} locations are not watched.
 * Immutable; taking one reads every watched file once.
 */
final class SourceSnapshot {

    /** One watched file's state; {@code size < 0} for a location that does not exist. */
    private record FileState(long size, long modifiedMillis, long crc) {
        static final FileState MISSING = new FileState(-1, 0, 0);
    }

    private final Map<String, FileState> files;

    private SourceSnapshot(Map<String, FileState> files) {
        this.files = files;
    }

    /** The file-system locations among these (the ones that can change on disk). */
    static List<Path> watchable(List<String> locations) {
        List<Path> paths = new ArrayList<>();
        for (String location : locations) {
            if (location == null || location.isBlank() || location.strip().startsWith("classpath:")) {
                continue;
            }
            try {
                paths.add(SourceLoader.toPath(location.strip()));
            } catch (RuntimeException e) {
                // not a valid path: the loader reports it; nothing to watch
            }
        }
        return paths;
    }

    static SourceSnapshot take(List<Path> locations) {
        Map<String, FileState> files = new TreeMap<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                for (Path file : kbFiles(location)) {
                    files.put(file.toString(), state(file));
                }
            } else if (Files.exists(location)) {
                files.put(location.toString(), state(location));
            } else {
                files.put(location.toString(), FileState.MISSING);
            }
        }
        return new SourceSnapshot(files);
    }

    /** What differs from {@code before}, one {@code path (added|removed|changed)} each, in path order. */
    List<String> changesSince(SourceSnapshot before) {
        List<String> out = new ArrayList<>();
        TreeMap<String, FileState> all = new TreeMap<>(before.files);
        all.putAll(files);
        for (String path : all.keySet()) {
            FileState was = before.files.getOrDefault(path, FileState.MISSING);
            FileState now = files.getOrDefault(path, FileState.MISSING);
            if (was.equals(now)) {
                continue;
            }
            out.add(path + (was.size() < 0 ? " (added)" : now.size() < 0 ? " (removed)" : " (changed)"));
        }
        return out;
    }

    private static FileState state(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long crc = a.size() > SourceLoader.MAX_FILE_BYTES ? 0 : crc(file);
            return new FileState(a.size(), a.lastModifiedTime().toMillis(), crc);
        } catch (IOException | RuntimeException e) {
            return FileState.MISSING; // gone between listing and reading, or unreadable: the loader will say why
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /** The files {@link SourceLoader} reads under a directory (same filter, links followed, same depth). */
    private static List<Path> kbFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), SourceLoader.MAX_DIRECTORY_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (attrs.isRegularFile() && (name.endsWith(".json") || name.endsWith(".jsonl"))) {
                                out.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // unreadable directory: the loader reports it
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceSnapshot s && files.equals(s.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files);
    }
}
