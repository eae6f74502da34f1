package dev.knownerrors.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) keeping at most {@code maxChars} of each:
 * the rest of an overlong line is read and dropped, so one huge line cannot fill the memory.
 * Not thread-safe.
 */
final class LineReader {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean skipLineFeed;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder(80);
        boolean any = false;
        while (true) {
            if (position >= limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? line.toString() : null;
                }
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                skipLineFeed = true;
                return line.toString();
            }
            any = true;
            if (line.length() < maxChars) {
                line.append(c);
            }
        }
    }
}
