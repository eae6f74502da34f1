package dev.knownerrors.cli;

import dev.knownerrors.kb.Diagnosis;

import java.io.IOException;

/** Where {@code scan} puts what it finds: {@link TextReport}, {@link JsonlReport} or {@link HtmlReport}. */
interface ScanReport {

    /** One diagnosed event of {@code file}. */
    void event(String file, LogEvent event, Diagnosis diagnosis) throws IOException;

    /** The end of one input, after {@code lines} lines. */
    default void endOfFile(String file, long lines) {
    }

    /** The end of the scan: {@code scanned} events looked at, {@code skipped} below {@code minLevel}. */
    void finish(long scanned, long skipped, LogLevel minLevel) throws IOException;
}
