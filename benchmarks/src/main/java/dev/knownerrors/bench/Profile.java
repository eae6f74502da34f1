package dev.knownerrors.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JMH run with async-profiler attached to each fork's measured iterations ({@link Profiles}),
 * then each profile summarised: where the benchmark thread's CPU went, in known-errors' code by
 * its innermost frame, and elsewhere. Run with {@code benchmarks/run profile JMH-ARGS}, e.g.
 * {@code benchmarks/run profile MatchBenchmark.nonMatchingReal -p size=2500 -p guard=true -f 1}
 * or {@code benchmarks/run profile AppenderBenchmark -p backend=log4j2-raf -p mix=info95 -p
 * mode=bare,wrapped -f 1}. The collapsed stacks stay under {@code benchmarks/target/profiles}
 * (for a flame graph: async-profiler's {@code jfrconv}, or any tool that reads that format).
 *
 * <p>The profiler costs little at one sample a millisecond, but it is not free: read the
 * scores of a profiled run as a profile's, not as the benchmark's.
 */
public final class Profile {

    /** Lines printed per part of a summary. */
    static final int TOP = 15;

    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions jmh = new CommandLineOptions(args);
        Path dir = Files.createDirectories(Profiles.DIRECTORY.resolve("jmh-" + System.currentTimeMillis())).toAbsolutePath();
        String options = "libPath=" + Profiles.library() + ";event=" + Profiles.event() + ";interval=" + Profiles.INTERVAL_NANOS
                + ";output=collapsed;dir=" + dir;
        new Runner(new OptionsBuilder().parent(jmh).addProfiler("async", options).build()).run();
        List<Path> profiles;
        try (Stream<Path> files = Files.walk(dir)) {
            profiles = files.filter(f -> f.getFileName().toString().startsWith("collapsed-")).sorted().collect(Collectors.toList());
        }
        System.out.println();
        for (Path profile : profiles) {
            // the benchmark method's thread: its frames pass through JMH's generated stub
            Profiles.summarise(profile, "the benchmark's thread", frames -> Stream.of(frames).anyMatch(f -> f.contains("_jmhStub")),
                    TOP, System.out);
            System.out.println();
        }
    }
}
