package dev.knownerrors.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link AppenderBenchmark} as the wrapped ÷ bare ratio, measured in pairs of forks that run
 * one right after the other: bare then wrapped, then wrapped then bare, and so on, each fork a
 * fresh JVM with one setup (so neither shares the other's compiled code). On a shared machine
 * whose speed drifts by 2× over minutes, JMH's own order (every fork of one setup, then every
 * fork of the next) compares two different minutes; a pair compares two adjacent ones. Prints
 * every pair's ratio, then per backend and mix the median and range of the ratios.
 *
 * <p>{@code benchmarks/run ratio [-r PAIRS] [-i ITERATIONS] [BACKEND,...] [MIX,...] [MODE]}, e.g.
 * {@code benchmarks/run ratio -r 6 logback-file,log4j2-raf info95}; MODE is the wrapped setup
 * compared with {@code bare} ({@code wrapped} by default; {@code layer}, {@code ascii} and
 * {@code fields} as in {@link AppenderBenchmark#mode}).
 */
public final class AppenderRatio {

    private AppenderRatio() {
    }

    public static void main(String[] args) throws RunnerException {
        int pairs = 5;
        int iterations = 4;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-r" -> pairs = Integer.parseInt(args[++i]);
                case "-i" -> iterations = Integer.parseInt(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        String[] backends = (rest.size() > 0 ? rest.get(0) : "logback-file,log4j2-file,log4j2-raf").split(",");
        String[] mixes = (rest.size() > 1 ? rest.get(1) : "info95,allScanned").split(",");
        String wrapped = rest.size() > 2 ? rest.get(2) : "wrapped";
        System.out.printf(Locale.ROOT, "%d pairs of forks per backend and mix; each fork: 2 × 1 s warm-up, %d × 1 s measured%n",
                pairs, iterations);
        List<String> summary = new ArrayList<>();
        for (String backend : backends) {
            for (String mix : mixes) {
                double[] ratios = new double[pairs];
                for (int p = 0; p < pairs; p++) {
                    // bare first in even pairs, wrapped first in odd ones: a drift within a pair favours neither
                    boolean bareFirst = p % 2 == 0;
                    double first = score(backend, mix, bareFirst ? "bare" : wrapped, iterations);
                    double second = score(backend, mix, bareFirst ? wrapped : "bare", iterations);
                    double bare = bareFirst ? first : second;
                    double other = bareFirst ? second : first;
                    ratios[p] = other / bare;
                    System.out.printf(Locale.ROOT, "%-13s %-10s pair %d: bare %,.0f ops/s, %s %,.0f ops/s, ratio %.3f%n",
                            backend, mix, p + 1, bare, wrapped, other, ratios[p]);
                }
                double[] sorted = ratios.clone();
                Arrays.sort(sorted);
                double median = pairs % 2 == 1 ? sorted[pairs / 2] : (sorted[pairs / 2 - 1] + sorted[pairs / 2]) / 2;
                summary.add(String.format(Locale.ROOT, "%-13s %-10s %s ÷ bare: median %.3f, range %.3f–%.3f (%d pairs)",
                        backend, mix, wrapped, median, sorted[0], sorted[pairs - 1], pairs));
            }
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    private static double score(String backend, String mix, String mode, int iterations) throws RunnerException {
        RunResult r = new Runner(new OptionsBuilder()
                .include(AppenderBenchmark.class.getName() + ".log$")
                .param("backend", backend)
                .param("mix", mix)
                .param("mode", mode)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build()).runSingle();
        return r.getPrimaryResult().getScore();
    }
}
