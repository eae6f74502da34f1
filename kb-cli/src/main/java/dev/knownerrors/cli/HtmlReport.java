package dev.knownerrors.cli;

import dev.knownerrors.kb.DeadEnd;
import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.Workaround;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --format html}: one self-contained page written at the end of the scan: totals, a chart
 * of diagnoses over time ({@link TimelineChart}; by the log lines' timestamps when every diagnosed
 * event has one, else by line number), the summary table, and per known error its root cause,
 * workarounds, dead ends, doc link and its first and last line. No external resource: CSS,
 * JavaScript and SVG are inline, and a Content-Security-Policy allows only those (by hash). Every
 * text from a log or a KB is {@link Html#text escaped}. Memory: per known error, not per event.
 * Not thread-safe.
 */
final class HtmlReport implements ScanReport {

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final int COLOURS = 9;

    private final PrintWriter out;
    private final Language language;
    private final Set<String> files = new LinkedHashSet<>();
    private final Tally tally = new Tally();
    private final Timeline byTime = new Timeline(Timeline.TIME);
    private final Timeline byLine = new Timeline(Timeline.LINES);
    private boolean zoned;
    private long lineOffset;

    HtmlReport(PrintWriter out, Language language) {
        this.out = out;
        this.language = language;
    }

    @Override
    public void event(String file, LogEvent event, Diagnosis diagnosis) {
        files.add(file);
        tally.add(file, event, diagnosis);
        byLine.add(diagnosis.id(), lineOffset + event.line());
        Timestamps.Stamp stamp = Timestamps.find(event.firstLine());
        if (stamp != null) {
            byTime.add(diagnosis.id(), stamp.millis());
            zoned |= stamp.zoned();
        }
    }

    @Override
    public void endOfFile(String file, long lines) {
        files.add(file);
        lineOffset += lines;
    }

    @Override
    public void finish(long scanned, long skipped, LogLevel minLevel) {
        String names = String.join(", ", files);
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(language == Language.ZH ? "zh" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(sha256(CSS)).append("'; script-src '").append(sha256(JS)).append("'\">\n")
                .append("<title>known errors: ").append(Html.text(names)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>Known errors</h1>\n")
                .append("<p class=\"files\">").append(Html.text(names)).append("</p>\n<p id=\"totals\">")
                .append(Html.text(totals(scanned, skipped, minLevel))).append("</p>\n</header>\n");
        if (tally.diagnosed() > 0) {
            List<Tally.Row> rows = tally.byCount();
            chart(h, rows);
            summary(h, rows);
            h.append("<section id=\"diagnoses\">\n<h2>Diagnoses</h2>\n");
            for (int i = 0; i < rows.size(); i++) {
                entry(h, rows.get(i), i + 1);
            }
            h.append("</section>\n");
        }
        h.append("<footer class=\"muted\"><p>known-errors ").append(Html.text(VersionProvider.version()))
                .append("</p></footer>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
        out.print(h);
        out.flush();
    }

    private String totals(long scanned, long skipped, LogLevel minLevel) {
        String note = skipped == 0 ? "" : " (" + SummaryTable.plural(skipped, "event") + " below " + minLevel + " skipped)";
        return SummaryTable.plural(scanned, "event") + " scanned" + note + ", " + (tally.diagnosed() == 0 ? "no known error found"
                : tally.diagnosed() + " diagnosed, " + SummaryTable.plural(tally.size(), "known error"));
    }

    private void chart(StringBuilder h, List<Tally.Row> rows) {
        boolean time = byTime.total() == tally.diagnosed();
        Timeline timeline = time ? byTime : byLine;
        TimelineChart chart = new TimelineChart(timeline, time);
        List<String> keys = new ArrayList<>();
        Map<String, Integer> colours = new HashMap<>();
        for (Tally.Row r : rows) {
            colours.put(r.id(), Math.min(keys.size(), COLOURS));
            keys.add(r.id());
        }
        h.append("<section id=\"timeline\">\n<h2>Over time</h2>\n<figure>\n").append(chart.svg(keys, colours))
                .append("<figcaption>");
        if (time) {
            h.append("From ").append(TimelineChart.full(timeline.min())).append(" to ").append(TimelineChart.full(timeline.max()))
                    .append(zoned ? " UTC" : " (log time)").append("; one bar: ").append(TimelineChart.duration(chart.barWidth()));
        } else {
            h.append("By line number (not every diagnosed line has a timestamp): lines ").append(timeline.min()).append(" to ")
                    .append(timeline.max()).append("; one bar: ").append(SummaryTable.plural(chart.barWidth(), "line"));
        }
        h.append(".</figcaption>\n</figure>\n<ul class=\"legend\">\n");
        for (int i = 0; i < rows.size() && i < COLOURS; i++) {
            Tally.Row r = rows.get(i);
            h.append("<li data-id=\"").append(Html.text(r.id())).append("\"><span class=\"swatch c").append(i).append("\"></span>")
                    .append(Html.text(r.id())).append(" (").append(r.count).append(")</li>\n");
        }
        if (rows.size() > COLOURS) {
            h.append("<li><span class=\"swatch c").append(COLOURS).append("\"></span>").append(rows.size() - COLOURS)
                    .append(" other known errors</li>\n");
        }
        h.append("</ul>\n<p class=\"muted hint\">Click a known error in the legend or the table to pick out its bars.</p>\n"
                + "</section>\n");
    }

    private void summary(StringBuilder h, List<Tally.Row> rows) {
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>known error</th><th>title</th>"
                + "<th>count</th><th>first</th><th>last</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.size(); i++) {
            Tally.Row r = rows.get(i);
            h.append("<tr data-id=\"").append(Html.text(r.id())).append("\"><td><a href=\"#e").append(i + 1).append("\"><code>")
                    .append(Html.text(r.id())).append("</code></a></td><td>").append(Html.text(r.title(language)))
                    .append("</td><td class=\"n count\">").append(r.count).append("</td><td class=\"n\">").append(place(r.first))
                    .append("</td><td class=\"n\">").append(place(r.last)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private void entry(StringBuilder h, Tally.Row r, int n) {
        KnownError e = r.entry;
        h.append("<article class=\"entry\" id=\"e").append(n).append("\" data-id=\"").append(Html.text(r.id())).append("\">\n")
                .append("<h3><code>").append(Html.text(r.id())).append("</code> <span class=\"count\">\u00d7").append(r.count)
                .append("</span></h3>\n<p class=\"title\">").append(Html.text(r.title(language))).append("</p>\n");
        if (!e.rootCause(language).isBlank()) {
            h.append("<p class=\"cause\">").append(Html.text(e.rootCause(language))).append("</p>\n");
        }
        if (!e.workarounds().isEmpty()) {
            h.append("<h4>Try</h4>\n<ol class=\"workarounds\">\n");
            for (Workaround w : e.workarounds()) {
                h.append("<li>").append(Html.text(w.text(language)));
                if (w.successRate() != null) {
                    h.append(" <span class=\"rate\">").append(Math.round(w.successRate() * 100)).append(" %</span>");
                }
                h.append("</li>\n");
            }
            h.append("</ol>\n");
        }
        if (!e.deadEnds().isEmpty()) {
            h.append("<h4>Don't</h4>\n<ul class=\"dead-ends\">\n");
            for (DeadEnd d : e.deadEnds()) {
                h.append("<li>").append(Html.text(d.text(language, " \u2014 ")));
                if (d.failRate() != null) {
                    h.append(" <span class=\"rate\">fails ").append(Math.round(d.failRate() * 100)).append(" %</span>");
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (e.officialDocUrl() != null && !e.officialDocUrl().isBlank()) {
            h.append("<h4>Docs</h4>\n<p class=\"doc\">").append(Html.link(e.officialDocUrl())).append("</p>\n");
        }
        h.append("<h4>Seen</h4>\n").append(example("first", r.first));
        if (r.count > 1) {
            h.append(example("last", r.last));
        }
        h.append("</article>\n");
    }

    private String example(String which, Tally.Place p) {
        return "<p class=\"seen " + which + "\">" + which + " at <span class=\"place\">" + (files.size() > 1 ? "" : "line ")
                + place(p) + "</span>:\n<code class=\"line\">" + Html.text(p.firstLine()) + "</code></p>\n";
    }

    private String place(Tally.Place p) {
        return files.size() > 1 ? Html.text(p.file()) + ":" + p.line() : Long.toString(p.line());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
