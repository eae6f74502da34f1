package dev.knownerrors.cli;

import dev.knownerrors.kb.Language;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table that ends a text scan, one row per known error, by count: count, id, first and last
 * line (with the file name when several files were scanned), title; then a totals line.
 *
 * <pre>
 * count  known error                       first  last  title
 *     2  network/connection-refused           61    70  java.net.ConnectException: Connection refused
 *     1  database/redis-bgsave-fork-error     12    12  Can't save in background: fork: Cannot allocate memory
 * 28 events scanned, 9 diagnosed, 8 known errors
 * </pre>
 */
final class SummaryTable {

    /** The table is kept this wide by cutting titles, down to {@link #MIN_TITLE_CHARS}. */
    static final int WIDTH = 120;
    static final int MIN_TITLE_CHARS = 30;

    private SummaryTable() {
    }

    static void print(PrintWriter out, Tally tally, boolean withFileNames, Language language, boolean ascii,
                      long scanned, long skipped, LogLevel minLevel) {
        String skippedNote = skipped == 0 ? "" : " (" + plural(skipped, "event") + " below " + minLevel + " skipped)";
        if (tally.diagnosed() == 0) {
            out.println(plural(scanned, "event") + " scanned" + skippedNote + ", no known error found");
            out.flush();
            return;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"count", "known error", "first", "last", "title"});
        for (Tally.Row r : tally.byCount()) {
            cells.add(new String[] {Long.toString(r.count), Terminal.clean(r.id(), ascii), place(r.first, withFileNames, ascii),
                place(r.last, withFileNames, ascii), r.title(language)});
        }
        int[] width = new int[5];
        for (String[] row : cells) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        int ellipsis = ascii ? 3 : 1;
        int titleChars = Math.max(MIN_TITLE_CHARS, WIDTH - width[0] - width[1] - width[2] - width[3] - 8 - ellipsis);
        for (int r = 1; r < cells.size(); r++) {
            cells.get(r)[4] = Terminal.cut(cells.get(r)[4], titleChars, ascii);
        }
        String numbers = withFileNames ? "-" : "";
        String format = "%" + width[0] + "s  %-" + width[1] + "s  %" + numbers + width[2] + "s  %" + numbers + width[3]
                + "s  %s";
        for (String[] row : cells) {
            out.println(String.format(format, (Object[]) row).stripTrailing());
        }
        out.println(plural(scanned, "event") + " scanned" + skippedNote + ", " + tally.diagnosed() + " diagnosed, "
                + plural(tally.size(), "known error"));
        out.flush();
    }

    private static String place(Tally.Place p, boolean withFileName, boolean ascii) {
        return withFileName ? Terminal.clean(p.file(), ascii) + ":" + p.line() : Long.toString(p.line());
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
