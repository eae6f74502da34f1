package dev.knownerrors.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU profiles for the benchmark tools, taken by async-profiler (Maven Central's
 * {@code tools.profiler:async-profiler}, whose jar carries its native libraries), and their
 * summary. The profiler samples each thread every {@link #INTERVAL_NANOS} of its CPU time on
 * perf_events' software CPU clock ({@code event=cpu}), which works on virtual machines without
 * hardware counters; so a count of samples is about that many milliseconds of CPU. Another
 * event: {@code -Dknownerrors.profile.event=itimer} (JAVA_OPTS).
 *
 * <p>Why: JFR's sampler took a few hundred samples a second here and none in the JVM's own
 * threads (the JIT compilers, the GC) or in native code; this one sees every thread and frame,
 * the kernel's too.
 */
final class Profiles {

    static final long INTERVAL_NANOS = 1_000_000;
    /** Where the profiles go (under the directory benchmarks/run runs from). */
    static final Path DIRECTORY = Path.of("benchmarks", "target", "profiles");

    private Profiles() {
    }

    /** The system property naming the profiler's event (a fork gets the one its parent used). */
    static final String EVENT_PROPERTY = "knownerrors.profile.event";

    static String event() {
        return System.getProperty(EVENT_PROPERTY, "cpu");
    }

    /** The profiler's native library for this machine, copied out of its jar into {@code target} once. */
    static Path library() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        String resource = os.contains("mac") ? "macos/libasyncProfiler.so"
                : arch.equals("aarch64") || arch.equals("arm64") ? "linux-arm64/libasyncProfiler.so"
                : "linux-x64/libasyncProfiler.so";
        Path target = Path.of("benchmarks", "target", "async-profiler", resource).toAbsolutePath();
        try (InputStream in = one.profiler.AsyncProfiler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " in the async-profiler jar on the class path");
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), "lib", ".so");
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    /**
     * Prints what a profile in async-profiler's collapsed format holds: the CPU each thread took
     * (when the profile was taken per thread), then, over the stacks that {@code work} selects,
     * where their time went: in known-errors' own code (the library's, not the benchmark's)
     * together with the JDK and Jackson code it calls, by the innermost frame of ours; in the
     * logging framework beneath a wrapper of ours (the appender it forwards to); and elsewhere,
     * by the frame the sample was taken in.
     */
    static void summarise(Path collapsed, String workName, Predicate<String[]> work, int top, PrintStream out) throws IOException {
        Map<String, Long> threads = new LinkedHashMap<>();
        Map<String, Long> ours = new LinkedHashMap<>();
        Map<String, Long> elsewhere = new LinkedHashMap<>();
        Node tree = new Node();
        long total = 0;
        long selected = 0;
        long own = 0;
        long framework = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long n = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).split(";");
            total += n;
            if (frames[0].startsWith("[") && frames[0].contains(" tid=")) {
                threads.merge(threadGroup(frames[0]), n, Long::sum);
            }
            if (!work.test(frames)) {
                continue;
            }
            selected += n;
            int innermost = -1;
            for (int i = 0; i < frames.length; i++) {
                if (isOurs(frames[i])) {
                    innermost = i;
                }
            }
            boolean beneath = false;
            for (int i = innermost + 1; innermost >= 0 && i < frames.length; i++) {
                beneath |= isFramework(frames[i]);
            }
            String leaf = frames[frames.length - 1];
            Node node = tree;
            String last = null;
            for (String frame : frames) {
                if (isOurs(frame) && !frame.equals(last)) { // a method calling itself counts once
                    node = node.child(shortName(frame));
                    node.samples += n;
                    last = frame;
                }
            }
            if (innermost >= 0 && !beneath) {
                own += n;
                String key = shortName(frames[innermost]) + (innermost == frames.length - 1 ? "" : "  [" + leaf + "]");
                ours.merge(key, n, Long::sum);
            } else {
                framework += beneath ? n : 0;
                elsewhere.merge(leaf, n, Long::sum);
            }
        }
        out.printf(Locale.ROOT, "%s: %,d samples (about 1 ms of CPU each, event %s)%n", collapsed, total, event());
        if (!threads.isEmpty()) {
            StringBuilder by = new StringBuilder();
            threads.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> by.append(by.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                            .append(String.format(Locale.ROOT, "%,d", e.getValue())));
            out.println("  by thread: " + by);
        }
        out.printf(Locale.ROOT, "  %s: %,d samples%n", workName, selected);
        if (selected == 0) {
            return;
        }
        out.printf(Locale.ROOT, "    in known-errors (its own code and the JDK and Jackson code it calls): %,d (%.1f %%)%n",
                own, 100.0 * own / selected);
        if (framework > 0) {
            out.printf(Locale.ROOT, "    in the logging framework beneath a wrapper of ours: %,d (%.1f %%)%n",
                    framework, 100.0 * framework / selected);
        }
        out.printf(Locale.ROOT, "    known-errors, top down (samples with the frame on the stack, from %.0f %% of the thread's on):%n",
                100 * TREE_SHARE);
        tree.print(selected, 0, out);
        out.println("    known-errors, by its innermost frame [the frame sampled, when outside known-errors]:");
        print(ours, selected, top, out);
        out.println("    elsewhere, by the frame sampled:");
        print(elsewhere, selected, top, out);
    }

    /** The top-down tree shows a frame from this share of the selected samples on. */
    static final double TREE_SHARE = 0.02;
    static final int TREE_DEPTH = 8;

    /** A frame of ours in the top-down tree, with the samples that had it (and its callers above) on the stack. */
    private static final class Node {
        long samples;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node child(String frame) {
            return children.computeIfAbsent(frame, f -> new Node());
        }

        void print(long of, int depth, PrintStream out) {
            if (depth == TREE_DEPTH) {
                return;
            }
            List<Map.Entry<String, Node>> sorted = new ArrayList<>(children.entrySet());
            sorted.sort((a, b) -> Long.compare(b.getValue().samples, a.getValue().samples));
            for (Map.Entry<String, Node> e : sorted) {
                if (e.getValue().samples < TREE_SHARE * of) {
                    break;
                }
                out.printf(Locale.ROOT, "      %,7d %5.1f %%  %s%s%n", e.getValue().samples, 100.0 * e.getValue().samples / of,
                        "  ".repeat(depth), e.getKey());
                e.getValue().print(of, depth + 1, out);
            }
        }
    }

    private static void print(Map<String, Long> counts, long of, int top, PrintStream out) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            out.printf(Locale.ROOT, "      %,7d %5.1f %%  %s%n", e.getValue(), 100.0 * e.getValue() / of, e.getKey());
        }
    }

    static boolean isOurs(String frame) {
        return frame.startsWith("dev/knownerrors/") && !frame.startsWith("dev/knownerrors/bench/");
    }

    private static boolean isFramework(String frame) {
        return frame.startsWith("org/apache/logging/") || frame.startsWith("ch/qos/logback/") || frame.startsWith("org/slf4j/");
    }

    private static String shortName(String frame) {
        return frame.substring("dev/knownerrors/".length());
    }

    /**
     * {@code [C2 CompilerThread0 tid=123]} → {@code C2 compiler} (Linux cuts thread names to 15
     * characters); {@code GC Thread#1} → {@code GC Thread}; the main thread (DestroyJavaVM at the end) → main.
     */
    static String threadGroup(String frame) {
        int tid = frame.lastIndexOf(" tid=");
        String name = frame.substring(1, tid > 0 ? tid : Math.max(1, frame.length() - 1)).replaceAll("[#\\-]?\\d+$", "");
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return name.substring(0, 2) + " compiler";
        }
        return name.equals("DestroyJavaVM") ? "main" : name;
    }
}
