package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.Language;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code --format jsonl}: one {@link DiagnosisJson} object per diagnosed event, flushed at once.
 * No summary record: every line has the same keys, so a consumer needs no special case (the
 * summary is {@code jq -r .id | sort | uniq -c} away). Not thread-safe.
 */
final class JsonlReport implements ScanReport {

    private final PrintWriter out;
    private final Language language;

    JsonlReport(PrintWriter out, Language language) {
        this.out = out;
        this.language = language;
    }

    @Override
    public void event(String file, LogEvent event, Diagnosis diagnosis) throws IOException {
        DiagnosisJson.write(out, event.line(), event.level(), diagnosis, language);
        out.flush();
    }

    @Override
    public void finish(long scanned, long skipped, LogLevel minLevel) {
        out.flush();
    }
}
