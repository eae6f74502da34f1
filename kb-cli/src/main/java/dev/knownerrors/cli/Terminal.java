package dev.knownerrors.cli;

import dev.knownerrors.kb.internal.Sanitizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Makes any text from a log, a file name or a KB safe to print on a terminal, as one line; and
 * tells whether this process's stdout or stderr is a terminal.
 */
final class Terminal {

    static final int STDOUT = 1;
    static final int STDERR = 2;

    private Terminal() {
    }

    /**
     * Whether file descriptor {@code fd} (1 or 2) of this process is a terminal, and not a dumb one
     * ({@code TERM=dumb}). {@code System.console()} cannot say: in Java 17 it looks at stdin and
     * stdout only. On Linux the answer comes from {@code /proc/self/fd/N}, a link to the device
     * ({@code /dev/pts/3}, {@code /dev/tty1}) when it is a terminal and to {@code pipe:[…]}, a file
     * or {@code /dev/null} otherwise. Elsewhere on POSIX systems, {@code sh -c 'test -t N'} runs
     * isatty(3) on the inherited descriptor. On Windows: {@code System.console() != null}.
     */
    static boolean isTerminal(int fd) {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(link).toString());
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return System.console() != null;
        }
        return isattyInChild(fd);
    }

    /** Whether a path names a terminal device: a pseudo-terminal, a virtual console, a serial line. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    private static boolean isattyInChild(int fd) {
        ProcessBuilder test = new ProcessBuilder("sh", "-c", "test -t " + fd);
        if (fd == STDOUT) {
            test.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            test.redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            Process p = test.start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One line, control and bidi characters neutralised (and non-ASCII too when {@code ascii}). */
    static String clean(String text, boolean ascii) {
        return Sanitizer.oneLine(text, ascii);
    }

    /** {@link #clean} cut to about {@code max} characters, with an ellipsis when cut. */
    static String cut(String text, int max, boolean ascii) {
        String raw = text.length() > max * 4 ? text.substring(0, max * 4) : text;
        String line = clean(raw, ascii);
        if (line.length() <= max && raw.length() == text.length()) {
            return line;
        }
        int end = Math.min(max, line.length());
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + (ascii ? "..." : "\u2026");
    }
}
