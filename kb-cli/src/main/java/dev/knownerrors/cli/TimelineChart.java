package dev.knownerrors.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Timeline} as an inline SVG stacked bar chart: one bar per time (or line-number)
 * interval of a round width, one coloured segment per known error in it. Every segment is a
 * {@code <rect class="bar c<colour>" data-id="…" data-count="…">} with a {@code <title>} tooltip.
 */
final class TimelineChart {

    static final int MAX_BARS = 60;
    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final Timeline timeline;
    private final boolean time;
    private final long width;
    private final long start;
    private final int bars;

    /** {@code time}: the values are epoch milliseconds (else line numbers). */
    TimelineChart(Timeline timeline, boolean time) {
        this.timeline = timeline;
        this.time = time;
        long range = timeline.max() - timeline.min() + 1;
        this.width = timeline.roundWidth((range + MAX_BARS - 1) / MAX_BARS);
        this.start = Math.floorDiv(timeline.min(), width) * width;
        this.bars = (int) (Math.floorDiv(timeline.max() - start, width) + 1);
    }

    long barWidth() {
        return width;
    }

    int bars() {
        return bars;
    }

    /** The SVG element; {@code keys} in stacking order, each with its colour class number. */
    String svg(List<String> keys, Map<String, Integer> colours) {
        long[][] counts = new long[keys.size()][bars];
        long[] stacked = new long[bars];
        for (int k = 0; k < keys.size(); k++) {
            long[] row = counts[k];
            timeline.forEach(keys.get(k), (s, w, c) -> row[(int) Math.floorDiv(s - start, width)] += c);
            for (int b = 0; b < bars; b++) {
                stacked[b] += row[b];
            }
        }
        long top = 1;
        for (long s : stacked) {
            top = Math.max(top, s);
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double barWidth = plotWidth / bars;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"known errors per ").append(time ? "interval" : "block of lines")
                .append("\">\n");
        for (long tick : top >= 4 ? new long[] {0, top / 2, top} : new long[] {0, top}) {
            double y = TOP + plotHeight - tick * plotHeight / top;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, tick));
        }
        for (int b = 0; b < bars; b++) {
            double x = LEFT + b * barWidth;
            double y = TOP + plotHeight;
            for (int k = 0; k < keys.size(); k++) {
                long c = counts[k][b];
                if (c == 0) {
                    continue;
                }
                double h = c * plotHeight / top;
                y -= h;
                String id = Html.text(keys.get(k));
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar c%d\" data-id=\"%s\" data-count=\"%d\" "
                        + "x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"><title>%s: %d, %s</title></rect>%n",
                        colours.get(keys.get(k)), id, c, x + (barWidth > 3 ? 0.5 : 0), y,
                        Math.max(0.5, barWidth - (barWidth > 3 ? 1 : 0)), h, id, c, Html.text(interval(b))));
            }
        }
        int labels = Math.min(bars, 6);
        for (int i = 0; i < labels; i++) {
            int b = labels == 1 ? 0 : (int) Math.round(i * (bars - 1) / (double) (labels - 1));
            String anchor = labels > 1 && i == 0 ? "start" : labels > 1 && i == labels - 1 ? "end" : "middle";
            double x = anchor.equals("start") ? LEFT + b * barWidth : anchor.equals("end") ? LEFT + (b + 1) * barWidth
                    : LEFT + (b + 0.5) * barWidth;
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>%n",
                    x, HEIGHT - BOTTOM + 18, anchor, Html.text(label(start + b * width))));
        }
        return svg.append("</svg>\n").toString();
    }

    /** What one bar covers, for its tooltip. */
    String interval(int bar) {
        long from = start + bar * width;
        if (!time) {
            return width == 1 ? "line " + from : "lines " + from + "\u2013" + (from + width - 1);
        }
        return full(from) + " + " + duration(width);
    }

    private String label(long value) {
        if (!time) {
            return Long.toString(value);
        }
        String pattern = width >= DAY ? "yyyy-MM-dd"
                : timeline.max() - timeline.min() >= DAY ? "MM-dd HH:mm"
                : width >= MINUTE ? "HH:mm" : width >= SECOND ? "HH:mm:ss" : "HH:mm:ss.SSS";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(value));
    }

    static String full(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(millis));
    }

    static String duration(long millis) {
        long[] units = {DAY, HOUR, MINUTE, SECOND, 1};
        String[] names = {"d", "h", "min", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (millis >= units[i] && millis % units[i] == 0) {
                return millis / units[i] + " " + names[i];
            }
        }
        return millis + " ms";
    }
}
