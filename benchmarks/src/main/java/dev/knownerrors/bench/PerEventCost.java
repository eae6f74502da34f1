package dev.knownerrors.bench;

/**
 * Which events of the {@link Stream} cost what, two appender setups side by side in one JVM
 * (not JMH): each round logs the 100 events through one setup, then through the other, timing
 * every call. Run with {@code benchmarks/run per-event BACKEND MIX MODE_A MODE_B [ROUNDS]}, e.g.
 * {@code benchmarks/run per-event logback-memory info95 bare wrapped}. Prints the events whose
 * cost differs by more than 150 ns, and the average per event. Sharing one JVM, the two setups
 * share the JIT's compiled code for the logging framework, which slows the bare one and speeds
 * the wrapped one: for the ratio, give the same mode twice ({@code bare bare}, then
 * {@code wrapped wrapped}) and compare the two runs, as JMH's separate forks do.
 */
public final class PerEventCost {

    private PerEventCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: BACKEND MIX MODE_A MODE_B [ROUNDS]");
        }
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        AppenderBenchmark[] setups = new AppenderBenchmark[2];
        for (int m = 0; m < 2; m++) {
            setups[m] = new AppenderBenchmark();
            setups[m].backend = args[0];
            setups[m].mix = args[1];
            setups[m].mode = args[2 + m];
            setups[m].setup();
        }
        long[][] nanos = new long[2][100];
        int warmUp = rounds / 4;
        for (int r = 0; r < rounds; r++) {
            for (int m = 0; m < 2; m++) {
                for (int i = 0; i < 100; i++) {
                    long t0 = System.nanoTime();
                    setups[m].log();
                    long took = System.nanoTime() - t0;
                    if (r >= warmUp) {
                        nanos[m][i] += took;
                    }
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
                System.out.printf("event %2d: %s %,d ns, %s %,d ns (%+,d)%n", i, args[2], a, args[3], b, b - a);
            }
        }
        System.out.printf("per event, averaged over the 100: %s %,d ns, %s %,d ns (%d rounds after %d of warm-up)%n",
                args[2], total[0] / n / 100, args[3], total[1] / n / 100, n, warmUp);
        for (AppenderBenchmark s : setups) {
            s.tearDown();
        }
    }
}
