package dev.knownerrors.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.knownerrors.kb.internal.JsonValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor under a cold load of a KB directory, each stage in a fresh JVM of its own
 * ({@code benchmarks/run cold-load 2522 FORKS --floor}): 0, list the {@code *.json} files and
 * read their bytes; 1, that and Jackson's tokens of every file; 2, that and every file turned
 * into maps, lists and strings by the loader's own {@code JsonValues}, as before it reads an
 * entry's fields. Whatever
 * the KB does with the entries comes on top.
 */
final class ReadFloor {

    private static final String[] STAGES = {"list and read the files", "+ tokenise them", "+ into maps, lists, strings"};

    private ReadFloor() {
    }

    static void run(String location, int forks, List<String> jvmOptions) throws IOException, InterruptedException {
        if (location.equals("bundled")) {
            throw new IllegalArgumentException("--floor reads a directory of files: 2522 or 10000");
        }
        System.out.println("the floor under a cold load of " + location + "; " + Runtime.getRuntime().availableProcessors()
                + " processors; one fresh JVM per stage and fork");
        for (int f = 1; f <= forks; f++) {
            StringBuilder line = new StringBuilder("fork " + f + ":");
            for (int stage = 0; stage < STAGES.length; stage++) {
                String ms = null;
                for (String l : FreshJvm.run(jvmOptions, ColdLoad.class, "--floor-once", Integer.toString(stage), location)) {
                    if (l.startsWith("floor: ")) {
                        ms = l.substring("floor: ".length());
                    }
                }
                if (ms == null) {
                    throw new IllegalStateException("stage " + stage + " printed no time");
                }
                line.append(stage == 0 ? " " : "; ").append(STAGES[stage]).append(' ').append(ms);
            }
            System.out.println(line);
        }
    }

    /** One stage in this (fresh) JVM; prints {@code floor: <ms> ms (<files> files, <bytes> bytes)}. */
    static void once(int stage, String location) throws IOException {
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(location))) {
            files = walk.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl")).sorted().toList();
        }
        JsonFactory json = JsonFactory.builder().build();
        long bytes = 0;
        long kept = 0;
        for (Path file : files) {
            byte[] b = Files.readAllBytes(file);
            bytes += b.length;
            if (stage >= 1) {
                try (JsonParser p = json.createParser(b)) {
                    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                        kept += stage == 2 ? (JsonValues.read(p) == null ? 0 : 1) : 1;
                    }
                }
            }
        }
        System.out.printf("floor: %,d ms (%,d files, %,d bytes, %,d kept)%n", (System.nanoTime() - start) / 1_000_000,
                files.size(), bytes, kept);
    }
}
