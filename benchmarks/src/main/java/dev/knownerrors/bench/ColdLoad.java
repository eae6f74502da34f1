package dev.knownerrors.bench;

import dev.knownerrors.kb.KnowledgeBase;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cold KB load is made of, one fresh JVM per load, as {@code LoadBenchmark} measures it:
 * the wall time; the loading thread's own CPU time; the time the JIT compilers spent compiling
 * meanwhile (all compiler threads, from {@code CompilationMXBean}), which on a machine with few
 * cores competes with the loading thread; the GC's time; the classes loaded; and the same load
 * again in the same JVM (warm). Run with {@code benchmarks/run cold-load KB FORKS [JVM options]},
 * KB being {@code 2522} (the deadends.dev snapshot when present, else a generated file),
 * {@code 10000} or {@code bundled}; JVM options after it go to each fork, e.g.
 * {@code -XX:TieredStopAtLevel=1}. With {@code --floor}, it times instead what a load of those
 * files cannot do without ({@link ReadFloor}). With {@code --profile}, each fork's cold load is
 * also profiled ({@link Profiles}: every thread, the JIT compilers' too) and summarised.
 */
public final class ColdLoad {

    private static final String PROFILE_LIBRARY = "knownerrors.profile.library";
    private static final String PROFILE_FILE = "knownerrors.profile.file";

    private ColdLoad() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length >= 2 && args[0].equals("--once")) {
            once(args[1]);
            return;
        }
        if (args.length >= 3 && args[0].equals("--floor-once")) {
            ReadFloor.once(Integer.parseInt(args[1]), args[2]);
            return;
        }
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: cold-load 2522|10000|bundled FORKS [--floor | --profile] [JVM options]");
        }
        String location = location(args[0]);
        int forks = Integer.parseInt(args[1]);
        List<String> jvmOptions = new ArrayList<>(List.of(args).subList(2, args.length));
        if (jvmOptions.remove("--floor")) {
            ReadFloor.run(location, forks, jvmOptions);
            return;
        }
        boolean profile = jvmOptions.remove("--profile");
        Path profiles = profile ? Files.createDirectories(Profiles.DIRECTORY.resolve("cold-load-" + System.currentTimeMillis())) : null;
        Path library = profile ? Profiles.library() : null;
        System.out.println("KB " + args[0] + (location.equals("bundled") ? "" : " from " + location)
                + (jvmOptions.isEmpty() ? "" : ", JVM options " + jvmOptions) + "; " + Runtime.getRuntime().availableProcessors()
                + " processors");
        for (int f = 1; f <= forks; f++) {
            List<String> options = new ArrayList<>(jvmOptions);
            Path file = profile ? profiles.resolve("fork-" + f + ".collapsed").toAbsolutePath() : null;
            if (profile) {
                options.add("-D" + PROFILE_LIBRARY + "=" + library);
                options.add("-D" + PROFILE_FILE + "=" + file);
                options.add("-D" + Profiles.EVENT_PROPERTY + "=" + Profiles.event());
            }
            for (String line : FreshJvm.run(options, ColdLoad.class, "--once", location)) {
                if (line.startsWith("load:")) {
                    System.out.println("fork " + f + line.substring("load".length()));
                }
            }
            if (profile) {
                Profiles.summarise(file, "the loading thread (main)", frames -> frames[0].startsWith("[")
                        && Profiles.threadGroup(frames[0]).equals("main"), Profile.TOP, System.out);
            }
        }
    }

    private static String location(String kb) {
        return kb.equals("bundled") ? kb : Kbs.location(Integer.parseInt(kb));
    }

    /** One load in this (fresh) JVM, then the same again, warm. */
    private static void once(String location) throws IOException {
        // the profiler, when asked for, from just before the cold load to just after it
        String profile = System.getProperty(PROFILE_FILE);
        one.profiler.AsyncProfiler profiler = profile == null ? null
                : one.profiler.AsyncProfiler.getInstance(System.getProperty(PROFILE_LIBRARY));
        if (profiler != null) {
            profiler.execute("start,event=" + Profiles.event() + ",interval=" + Profiles.INTERVAL_NANOS + ",threads");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long gc = gcMillis();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        KnowledgeBase kb = load(location);
        long wall = System.nanoTime() - start;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling;
        gc = gcMillis() - gc;
        if (profiler != null) {
            profiler.execute("stop,collapsed,file=" + profile);
        }
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        long again = System.nanoTime();
        load(location);
        again = System.nanoTime() - again;
        if (kb.entries().isEmpty()) {
            throw new IllegalStateException("nothing loaded from " + location);
        }
        System.out.printf("load: %,d entries, %,d ms wall; the loading thread %,d ms of CPU; JIT compiling %,d ms (all "
                        + "compiler threads); GC %,d ms; %,d classes loaded; the same load again, warm: %,d ms%n",
                kb.entries().size(), wall / 1_000_000, cpu / 1_000_000, compiling, gc, classes, again / 1_000_000);
    }

    private static KnowledgeBase load(String location) {
        // "bundled": the bundled entries alone, as an appender with default settings builds them
        return location.equals("bundled") ? KnowledgeBase.builder().build()
                : Kbs.builder(location).build();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
