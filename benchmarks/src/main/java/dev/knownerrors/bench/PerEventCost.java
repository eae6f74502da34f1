package dev.knownerrors.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which events of the {@link Stream} cost what, two appender setups side by side in one JVM
 * (not JMH): each round logs the 100 events through one setup, then through the other (the
 * order swapped every round), timing every call. Run with
 * {@code benchmarks/run per-event BACKEND MIX MODE_A MODE_B [ROUNDS]}, e.g.
 * {@code benchmarks/run per-event logback-file info95 bare wrapped}. Prints the events whose
 * cost differs by more than 150 ns, the averages (INFO events and the others apart), and B's
 * throughput ÷ A's (A's time per event over B's), overall and in each tenth of the measured
 * rounds.
 *
 * <p>Each setup lives in a class loader of its own over the benchmark's class path, so the two
 * do not share the logging framework's classes, and so neither its compiled code nor its
 * type profiles: the wrapped setup's decorated events do not slow the bare one's layout, as
 * they would with shared classes. Only the JDK's classes are shared, as in any application.
 * (The context class loader is switched with the setup, since Log4j finds its plugins through it.)
 * Alternating every 100 events, both setups see the same phases of a noisy machine, which
 * separate JVMs one after the other do not. What remains is the JIT: each copy is compiled on
 * its own, a little differently in every run. The same mode twice (an A/A run) gave ratios of
 * 0.98–1.07, so run each comparison in both orders, a few times, and take the median.
 *
 * <p>{@code -a JAR} / {@code -b JAR} before the arguments put another build of a module in that
 * setup's class path: the jar stands for the module its file name starts with
 * ({@code appender-logback…}, {@code appender-log4j2…}, else kb-core). The same mode twice
 * then compares two builds on the stream, e.g. {@code per-event -a old-kb-core.jar
 * logback-file info95 wrapped wrapped} or {@code per-event -a appender-log4j2-old.jar
 * log4j2-raf info95 wrapped wrapped}.
 */
public final class PerEventCost {

    private PerEventCost() {
    }

    public static void main(String[] options) throws Exception {
        String[] jars = new String[2];
        int first = 0;
        while (first + 1 < options.length && (options[first].equals("-a") || options[first].equals("-b"))) {
            jars[options[first].equals("-a") ? 0 : 1] = options[first + 1];
            first += 2;
        }
        String[] args = Arrays.copyOfRange(options, first, options.length);
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: [-a JAR] [-b JAR] BACKEND MIX MODE_A MODE_B [ROUNDS]");
        }
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        Object[] setups = new Object[2];
        Runnable[] log = new Runnable[2];
        ClassLoader[] loaders = new ClassLoader[2];
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        for (int m = 0; m < 2; m++) {
            loaders[m] = CoreSideBySide.isolated(jars[m]);
            // Log4j looks plugins up through the context class loader: it must be the setup's own
            Thread.currentThread().setContextClassLoader(loaders[m]);
            Class<?> type = Class.forName(AppenderBenchmark.class.getName(), true, loaders[m]);
            setups[m] = type.getConstructor().newInstance();
            type.getField("backend").set(setups[m], args[0]);
            type.getField("mix").set(setups[m], args[1]);
            type.getField("mode").set(setups[m], args[2 + m]);
            type.getMethod("setup").invoke(setups[m]);
            log[m] = (Runnable) type.getMethod("logger").invoke(setups[m]);
        }
        long[][] nanos = new long[2][100];
        int warmUp = rounds / 4;
        int slices = 10;
        long[][] sliceNanos = new long[2][slices];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int m = (r & 1) == 0 ? k : 1 - k;
                Thread.currentThread().setContextClassLoader(loaders[m]);
                Runnable one = log[m];
                long[] perEvent = nanos[m];
                long sum = 0;
                for (int i = 0; i < 100; i++) {
                    long t0 = System.nanoTime();
                    one.run();
                    long took = System.nanoTime() - t0;
                    perEvent[i] += r >= warmUp ? took : 0;
                    sum += took;
                }
                if (r >= warmUp) {
                    sliceNanos[m][(int) ((long) (r - warmUp) * slices / (rounds - warmUp))] += sum;
                }
            }
        }
        long n = rounds - warmUp;
        long[] total = new long[2];
        for (int i = 0; i < 100; i++) {
            total[0] += nanos[0][i];
            total[1] += nanos[1][i];
            long a = nanos[0][i] / n;
            long b = nanos[1][i] / n;
            if (Math.abs(b - a) > 150) {
                System.out.printf(Locale.ROOT, "event %2d: %s %,d ns, %s %,d ns (%+,d)%n", i, args[2], a, args[3], b, b - a);
            }
        }
        Stream.Event[] events = Stream.events(args[1]);
        long[] info = new long[2];
        int infoEvents = 0;
        for (int i = 0; i < 100; i++) {
            if (events[i].level() == Stream.Level.INFO) {
                infoEvents++;
                info[0] += nanos[0][i];
                info[1] += nanos[1][i];
            }
        }
        if (infoEvents > 0 && infoEvents < 100) {
            System.out.printf(Locale.ROOT, "the %d INFO events: %s %,d ns, %s %,d ns on average; the %d others: %s %,d ns, %s %,d ns%n",
                    infoEvents, args[2], info[0] / n / infoEvents, args[3], info[1] / n / infoEvents, 100 - infoEvents,
                    args[2], (total[0] - info[0]) / n / (100 - infoEvents), args[3], (total[1] - info[1]) / n / (100 - infoEvents));
        }
        System.out.printf(Locale.ROOT, "per event, averaged over the 100: %s %,d ns, %s %,d ns (%d rounds after %d of warm-up)%n",
                args[2], total[0] / n / 100, args[3], total[1] / n / 100, n, warmUp);
        double[] ratios = new double[slices];
        for (int s = 0; s < slices; s++) {
            ratios[s] = (double) sliceNanos[0][s] / sliceNanos[1][s];
        }
        String each = Arrays.stream(ratios).mapToObj(x -> String.format(Locale.ROOT, "%.3f", x))
                .reduce((a, b) -> a + " " + b).orElse("");
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "throughput %s ÷ %s: %.3f overall; per tenth of the rounds %s (median %.3f)%n",
                args[3], args[2], (double) total[0] / total[1], each, (sorted[4] + sorted[5]) / 2);
        for (int m = 0; m < 2; m++) {
            Thread.currentThread().setContextClassLoader(loaders[m]);
            setups[m].getClass().getMethod("tearDown").invoke(setups[m]);
        }
        Thread.currentThread().setContextClassLoader(own);
    }
}
