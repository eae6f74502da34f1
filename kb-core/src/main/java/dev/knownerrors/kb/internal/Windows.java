package dev.knownerrors.kb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the trigger windows of an alternative: from its literal runs of at least
 * {@link Prefilter#MIN_LITERAL} characters, the rarest piece of at most
 * {@link Prefilter#WINDOW} characters of each, best first, at most
 * {@link Prefilter#WINDOWS_PER_ALTERNATIVE}. Rarity is estimated from how common each
 * character is in log text, with a penalty for the words every log is full of: a trigger
 * that occurs in ordinary lines costs a regex run on them.
 */
final class Windows {

    /** Substrings of ordinary log lines: characters inside one of them are weak evidence. */
    private static final String[] COMMON = {
        "java.lang.", "java.util.", "java.io.", "java.net.", "javax.", "jakarta.", "org.", "com.", "net.", "io.",
        "springframework", "apache", "exception", "error", "failed", "warning", "info", "debug", "connection",
        "caused by", "request", "response", "timeout", "thread", "started", "server", "client", "service",
        "http", "null", "status", "message", "internal", "unknown", "cannot", "could not", "unable to",
        "invalid", "not found", "the ", " of ", " to ", " for ", " is ", " in ", " and ",
    };

    private Windows() {
    }

    /** The windows of one alternative, best first; empty when no run is long enough. */
    static List<String> of(List<String> runs) {
        List<String> best = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (String run : runs) {
            if (run.length() >= Prefilter.MIN_LITERAL) {
                double[] weights = weights(run);
                int at = bestStart(weights, Math.min(Prefilter.WINDOW, run.length()));
                best.add(run.substring(at, at + Math.min(Prefilter.WINDOW, run.length())));
                scores.add(sum(weights, at, Math.min(Prefilter.WINDOW, run.length())));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores.get(i)).reversed());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.size() && i < Prefilter.WINDOWS_PER_ALTERNATIVE; i++) {
            out.add(best.get(order.get(i)));
        }
        return out;
    }

    /** Per character of a run, how rare it makes a window: common characters and common words count little. */
    static double[] weights(String run) {
        double[] w = new double[run.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(run.charAt(i));
        }
        for (String common : COMMON) {
            for (int at = run.indexOf(common); at >= 0; at = run.indexOf(common, at + 1)) {
                for (int i = at; i < at + common.length(); i++) {
                    w[i] = weight(run.charAt(i)) * 0.2;
                }
            }
        }
        return w;
    }

    private static int bestStart(double[] weights, int width) {
        int best = 0;
        double bestSum = -1;
        for (int i = 0; i + width <= weights.length; i++) {
            double s = sum(weights, i, width);
            if (s > bestSum) {
                best = i;
                bestSum = s;
            }
        }
        return best;
    }

    private static double sum(double[] weights, int from, int width) {
        double s = 0;
        for (int i = from; i < from + width; i++) {
            s += weights[i];
        }
        return s;
    }

    private static double weight(char c) {
        if (c == ' ' || c == '.' || c == ':' || c == '/' || c == '-' || c == '_' || c == '=' || (c >= '0' && c <= '9')) {
            return 0.5;
        }
        if ("etaoinsrlcd".indexOf(c) >= 0) {
            return 1;
        }
        if (c >= 'a' && c <= 'z') {
            return "xqjzkvwy".indexOf(c) >= 0 ? 2.5 : 1.6;
        }
        return 2;
    }
}
