package dev.knownerrors.bench;

import dev.knownerrors.kb.KnowledgeBase;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one real text costs, text by text: the held-out benign texts of
 * {@code MatchBenchmark.nonMatchingReal} (about 980 messages of 200 characters), each checked
 * against the KB once warm. A mean hides the few texts that run regexes; this prints the
 * percentiles, the share of the total time the dearest 5 % take, and the dearest texts.
 *
 * <p>Warm-up: every text {@link #WARM_UP} times in turn (so every regex that any text runs is
 * compiled by the JIT, not just the frequent ones), then {@link #ROUNDS} rounds, each timing
 * {@link #CALLS} calls of each text in a row. A text's cost is the median of its rounds (a round
 * in which the machine took the core away counts as one outlier, not as the cost).
 *
 * <p>Run with {@code benchmarks/run per-text [KB_SIZE] [DEAREST]}: KB_SIZE as for
 * {@code MatchBenchmark} (default 2500), DEAREST texts listed (default 10).
 */
public final class PerTextCost {

    static final int WARM_UP = 300;
    static final int ROUNDS = 15;
    static final int CALLS = 20;

    private PerTextCost() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2500;
        int dearest = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String[] texts = Messages.heldOut200();
        if (texts.length == 0) {
            throw new IllegalStateException("the held-out logs are not there: " + Messages.CORPUS);
        }
        KnowledgeBase kb = Kbs.load(size, true);
        int diagnosed = 0;
        for (int w = 0; w < WARM_UP; w++) {
            for (String t : texts) {
                if (kb.diagnose(t, null).isPresent() && w == 0) {
                    diagnosed++;
                }
            }
        }
        long[][] rounds = new long[texts.length][ROUNDS];
        long sink = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < texts.length; i++) {
                long start = System.nanoTime();
                for (int k = 0; k < CALLS; k++) {
                    sink += kb.diagnose(texts[i], null).isPresent() ? 1 : 0;
                }
                rounds[i][r] = System.nanoTime() - start;
            }
        }
        double[] cost = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            long[] sorted = rounds[i].clone();
            Arrays.sort(sorted);
            cost[i] = sorted[ROUNDS / 2] / (double) CALLS;
        }
        Integer[] order = new Integer[texts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(cost[a], cost[b]));
        double total = Arrays.stream(cost).sum();
        double top5 = 0;
        int five = Math.max(1, texts.length / 20);
        for (int i = texts.length - five; i < texts.length; i++) {
            top5 += cost[order[i]];
        }
        System.out.printf(Locale.ROOT, "KB of %d entries; %d held-out texts of 200 characters (%d diagnosed); %d warm-up passes, "
                + "the median of %d rounds of %d calls a text (%d)%n", kb.entries().size(), texts.length, diagnosed, WARM_UP,
                ROUNDS, CALLS, sink % 2);
        System.out.printf(Locale.ROOT, "ns a text: mean %.0f, median %.0f, 90th %.0f, 99th %.0f, max %.0f; the dearest 5 %% (%d texts) "
                        + "take %.1f %% of the time%n", total / texts.length, at(cost, order, 0.5), at(cost, order, 0.9),
                at(cost, order, 0.99), cost[order[texts.length - 1]], five, 100 * top5 / total);
        for (int i = texts.length - 1; i >= Math.max(0, texts.length - dearest); i--) {
            String t = texts[order[i]];
            System.out.printf(Locale.ROOT, "%8.0f ns  %s%n", cost[order[i]], t.substring(0, Math.min(110, t.length())));
        }
    }

    private static double at(double[] cost, Integer[] order, double quantile) {
        return cost[order[(int) Math.min(order.length - 1, Math.round(quantile * (order.length - 1)))]];
    }
}
