package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;

import java.io.PrintWriter;

/**
 * The text output of {@code scan}: each diagnosed event as {@code FILE:LINE: first line} and the
 * diagnosis block, then the {@link SummaryTable}. Not thread-safe.
 */
final class TextReport implements ScanReport {

    static final int FIRST_LINE_CHARS = 200;

    private final PrintWriter out;
    private final DiagnosisFormatter formatter;
    private final boolean severalFiles;
    private final Tally tally = new Tally();

    TextReport(PrintWriter out, DiagnosisFormatter formatter, boolean severalFiles) {
        this.out = out;
        this.formatter = formatter;
        this.severalFiles = severalFiles;
    }

    @Override
    public void event(String file, LogEvent event, Diagnosis diagnosis) {
        String place = Terminal.clean(file, formatter.ascii()) + ":" + event.line();
        out.println(place + ": " + Terminal.cut(event.firstLine(), FIRST_LINE_CHARS, formatter.ascii()));
        out.println(formatter.block(diagnosis));
        out.println();
        out.flush();
        tally.add(file, event, diagnosis);
    }

    @Override
    public void finish(long scanned, long skipped, LogLevel minLevel) {
        SummaryTable.print(out, tally, severalFiles, formatter.language(), formatter.ascii(), scanned, skipped, minLevel);
    }
}
