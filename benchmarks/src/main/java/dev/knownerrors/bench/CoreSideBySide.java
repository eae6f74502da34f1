package dev.knownerrors.bench;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * One {@link MatchBenchmark} method for two setups side by side in one JVM (not JMH): two KB
 * sizes, or two builds of kb-core (another commit's jar on side A). Run with
 * {@code benchmarks/run side-by-side [-a KB_CORE_JAR] [-m METHOD] [-r ROUNDS] SIZE_A SIZE_B},
 * e.g. {@code benchmarks/run side-by-side 2500 10000} for the 10,000 ÷ 2,500 ratio of
 * {@code nonMatching}, or {@code benchmarks/ab --side-by-side COMMIT 2500} for a commit against
 * this tree. Each round runs {@link #CALLS} calls on one side, then on the other, the order
 * swapped every round; after a quarter of the rounds as warm-up, it prints each side's median
 * time per call and the median of the rounds' B ÷ A time ratios, with its quartiles.
 *
 * <p>Why: this machine's speed drifts by 2× within minutes, so JMH forks run one after the
 * other compare two different minutes (a ± 15–30 % interval on *nonMatching*), while two sides
 * alternating every few milliseconds see the same ones. Each side lives in a class loader of
 * its own over the benchmark's class path (as in {@link PerEventCost}), so each has its own
 * compiled code and type profiles; only the JDK's classes are shared. An A/A run (the same jar
 * and size twice) gave ratios of 0.99–1.02 with quartiles about ± 0.04.
 */
public final class CoreSideBySide {

    /** Calls per side and round: about 10–60 ms at 200 characters. */
    static final int CALLS = 20_000;

    private CoreSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        String jarA = null;
        String method = "nonMatching";
        int rounds = 200;
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-a" -> jarA = args[++i];
                case "-m" -> method = args[++i];
                case "-r" -> rounds = Integer.parseInt(args[++i]);
                default -> sizes.add(args[i]);
            }
        }
        if (sizes.size() != 2 || rounds < 8) {
            throw new IllegalArgumentException("usage: [-a KB_CORE_JAR] [-m METHOD] [-r ROUNDS >= 8] SIZE_A SIZE_B");
        }
        IntUnaryOperator[] calls = new IntUnaryOperator[2];
        int diagnosed = 0;
        for (int side = 0; side < 2; side++) {
            Class<?> type = Class.forName(MatchBenchmark.class.getName(), true, isolated(side == 0 ? jarA : null));
            Object benchmark = type.getConstructor().newInstance();
            type.getField("size").setInt(benchmark, Integer.parseInt(sizes.get(side)));
            type.getField("guard").setBoolean(benchmark, true);
            System.out.print("side " + (side == 0 ? "A" : "B") + ": ");
            type.getMethod("setup").invoke(benchmark);
            calls[side] = (IntUnaryOperator) type.getMethod("calls", String.class).invoke(benchmark, method);
        }
        long[][] nanos = new long[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int side = (r & 1) == 0 ? k : 1 - k;
                long t0 = System.nanoTime();
                diagnosed += calls[side].applyAsInt(CALLS);
                nanos[side][r] = System.nanoTime() - t0;
            }
        }
        int warmUp = rounds / 4;
        int n = rounds - warmUp;
        double[] ratio = new double[n];
        for (int r = warmUp; r < rounds; r++) {
            ratio[r - warmUp] = (double) nanos[1][r] / nanos[0][r];
        }
        Arrays.sort(ratio);
        String[] label = {"A", "B"};
        for (int side = 0; side < 2; side++) {
            long[] measured = Arrays.copyOfRange(nanos[side], warmUp, rounds);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "%s: %s at %s entries%s, median %,d ns a call%n", label[side], method,
                    sizes.get(side), side == 0 && jarA != null ? " (kb-core from " + jarA + ")" : "",
                    measured[n / 2] / CALLS);
        }
        System.out.printf(Locale.ROOT, "B ÷ A time per call: median %.3f, quartiles %.3f–%.3f (%d rounds of %,d calls after %d of warm-up; %,d diagnosed)%n",
                ratio[n / 2], ratio[n / 4], ratio[3 * n / 4], n, CALLS, warmUp, diagnosed);
    }

    /**
     * A class loader of its own over the class path, below the platform loader (the JDK's
     * classes); with {@code kbCore} given, that jar stands for kb-core's. {@link PerEventCost}
     * uses it too.
     */
    static ClassLoader isolated(String kbCore) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        boolean replaced = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            boolean isKbCore = new File(entry).getName().startsWith("kb-core") || entry.replace('\\', '/').endsWith("kb-core/target/classes");
            if (kbCore != null && isKbCore) {
                urls.add(new File(kbCore).toURI().toURL());
                replaced = true;
            } else {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        if (kbCore != null && !replaced) {
            throw new IllegalStateException("no kb-core entry on the class path to replace with " + kbCore);
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }
}
