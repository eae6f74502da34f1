package dev.knownerrors.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The status line of {@code scan} on stderr: the file, bytes read (with the share of the file when
 * its size is known), lines read, events diagnosed so far. Drawn in place with {@code \r} on the
 * first update and then at most every {@link #INTERVAL_MILLIS} ms, and {@link #clear() cleared} at
 * the end: nothing of it is left on the screen. When stdout is the same terminal, the line steps
 * aside for each diagnosis printed and comes back under it. Never written to stdout. Not thread-safe.
 */
final class Progress {

    static final long INTERVAL_MILLIS = 250;
    private static final int NAME_CHARS = 32;

    /** {@code --progress}: auto (only when stderr is a terminal), always, never. */
    enum Mode {
        AUTO, ALWAYS, NEVER;

        static final class Converter implements ITypeConverter<Mode> {
            @Override
            public Mode convert(String value) {
                try {
                    return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException("unknown mode '" + value + "' (expected auto, always or never)");
                }
            }
        }
    }

    private final PrintWriter err;
    private final boolean on;
    private final boolean sharesScreen;
    private final LongSupplier nanoClock;
    private String verb = "scanning";
    private String name = "";
    private LongSupplier totalBytes = () -> -1;
    private LongSupplier bytesRead = () -> 0;
    private boolean drawn;
    private long lastDraw;
    private int shown;

    /** {@code sharesScreen}: the output goes to the same terminal, so the line steps aside for it. */
    Progress(PrintWriter err, boolean on, boolean sharesScreen, LongSupplier nanoClock) {
        this.err = err;
        this.on = on;
        this.sharesScreen = on && sharesScreen;
        this.nanoClock = nanoClock;
    }

    /** {@code streamsToStdout}: the output is written to stdout as the scan goes (text, jsonl; not html). */
    static Progress create(Mode mode, PrintWriter err, boolean streamsToStdout) {
        boolean on = mode == Mode.ALWAYS || mode == Mode.AUTO && Terminal.isTerminal(Terminal.STDERR);
        return new Progress(err, on, on && streamsToStdout && Terminal.isTerminal(Terminal.STDOUT), System::nanoTime);
    }

    boolean on() {
        return on;
    }

    /** A new input: {@code verb} ("scanning", "following"), its name, its size (or -1), its bytes read so far. */
    void start(String verb, String name, LongSupplier totalBytes, LongSupplier bytesRead) {
        this.verb = verb;
        String clean = Terminal.clean(name, false);
        this.name = clean.length() <= NAME_CHARS ? clean : "\u2026" + clean.substring(clean.length() - NAME_CHARS + 1);
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
    }

    /** Redraws the line if the last drawing is old enough. */
    void update(long lines, long diagnosed) {
        if (!on) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (drawn && now - lastDraw < TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS)) {
            return;
        }
        draw(now, lines, diagnosed);
    }

    /** Redraws the line now. */
    void show(long lines, long diagnosed) {
        if (on) {
            draw(nanoClock.getAsLong(), lines, diagnosed);
        }
    }

    private void draw(long now, long lines, long diagnosed) {
        drawn = true;
        lastDraw = now;
        String line = line(lines, diagnosed);
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    /** Before output is written: takes the line off the screen when the output goes there too. */
    void beforeOutput() {
        if (sharesScreen) {
            clear();
        }
    }

    /** After output was written: puts the line back under it. */
    void afterOutput(long lines, long diagnosed) {
        if (sharesScreen) {
            draw(nanoClock.getAsLong(), lines, diagnosed);
        }
    }

    /** Removes the line from the screen, if it is there. */
    void clear() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    String line(long lines, long diagnosed) {
        long bytes = bytesRead.getAsLong();
        long total = totalBytes.getAsLong();
        StringBuilder sb = new StringBuilder(96).append(verb).append(' ').append(name).append(": ").append(size(bytes));
        if (total > 0) {
            sb.append(" of ").append(size(total)).append(" (").append(Math.min(100, bytes * 100 / total)).append(" %)");
        }
        return sb.append(", ").append(String.format(Locale.ROOT, "%,d", lines)).append(lines == 1 ? " line, " : " lines, ")
                .append(String.format(Locale.ROOT, "%,d", diagnosed)).append(" diagnosed").toString();
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int unit = -1;
        while (v >= 999.95 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    /** Counts the bytes read through it, for {@link #start}. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
