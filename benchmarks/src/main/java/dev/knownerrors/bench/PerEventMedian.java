package dev.knownerrors.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setup's throughput ÷ bare's as the median of several {@link PerEventCost} runs, each in a
 * fresh JVM, the two orders taking turns (bare first, then the setup first): one run's figure
 * moves by a few per cent with the order and the JIT's choices, so a target is judged on the
 * median. Run with {@code benchmarks/run per-event-median BACKEND MIX SETUP PAIRS [ROUNDS]}.
 */
public final class PerEventMedian {

    private static final Pattern RATIO = Pattern.compile("^throughput (\\S+) ÷ (\\S+): ([0-9.]+) overall");

    private PerEventMedian() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: per-event-median BACKEND MIX SETUP PAIRS [ROUNDS]");
        }
        String setup = args[2];
        int pairs = Integer.parseInt(args[3]);
        String rounds = args.length > 4 ? args[4] : "20000";
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < 2 * pairs; run++) {
            boolean bareFirst = run % 2 == 0;
            String a = bareFirst ? "bare" : setup;
            String b = bareFirst ? setup : "bare";
            double ratio = setupOverBare(args[0], args[1], a, b, rounds, setup);
            ratios.add(ratio);
            System.out.printf(Locale.ROOT, "run %d (%s first): %s ÷ bare %.3f%n", run + 1, a, setup, ratio);
        }
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        System.out.printf(Locale.ROOT, "%s %s, %s ÷ bare: median %.3f of %d runs (%.3f–%.3f)%n", args[0], args[1], setup,
                median, n, sorted.get(0), sorted.get(n - 1));
    }

    /** One {@link PerEventCost} run in a fresh JVM; its ratio turned into the setup's throughput ÷ bare's. */
    private static double setupOverBare(String backend, String mix, String a, String b, String rounds, String setup)
            throws IOException, InterruptedException {
        Double ratio = null;
        List<String> output = FreshJvm.run(List.of(), PerEventCost.class, backend, mix, a, b, rounds);
        for (String line : output) {
            Matcher m = RATIO.matcher(line);
            if (m.find()) {
                double r = Double.parseDouble(m.group(3)); // throughput B ÷ A
                ratio = m.group(1).equals(setup) && m.group(2).equals("bare") ? r : 1 / r;
            }
        }
        if (ratio == null) {
            throw new IllegalStateException("per-event " + String.join(" ", backend, mix, a, b, rounds) + " gave no ratio:\n"
                    + String.join("\n", output));
        }
        return ratio;
    }
}
