package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.ThrowableView;

/**
 * The text scanned for one event: the formatted message, then one line
 * {@code ClassName: message} per throwable of the cause and suppressed chain (depth first: a
 * throwable, its suppressed ones, then its cause), cut at a maximum length. Cycles in the chain
 * are cut, at most {@link #MAX_THROWABLES} are read, and a throwable whose accessors throw is
 * read without the failing part. {@link #walk} writes into a {@link Sink} without allocating,
 * so the prefilter can read an event without building its text.
 */
public final class EventText {

    /** At most this many throwables of one chain are read. */
    public static final int MAX_THROWABLES = 64;

    /** Receives the text; {@code length()} is what it holds so far. */
    public interface Sink {
        void append(CharSequence s, int start, int end);

        int length();
    }

    private EventText() {
    }

    /** The text as a string. */
    public static <T> String of(String message, T thrown, ThrowableView<T> view, int maxLength) {
        StringBuilder sb = new StringBuilder(Math.min(maxLength, 256));
        walk(message, thrown, view, maxLength, new BuilderSink(sb), new Object[2 * MAX_THROWABLES]);
        return sb.toString();
    }

    /**
     * Writes the text into {@code sink}, never more than {@code maxLength} characters.
     * {@code work} is scratch space of at least {@code 2 * MAX_THROWABLES} slots, left cleared.
     */
    @SuppressWarnings("unchecked")
    public static <T> void walk(String message, T thrown, ThrowableView<T> view, int maxLength, Sink sink,
                                Object[] work) {
        append(sink, message, maxLength);
        if (thrown == null) {
            return;
        }
        int stack = 0;
        int seen = 0;
        work[stack++] = thrown;
        while (stack > 0 && seen < MAX_THROWABLES && sink.length() < maxLength) {
            T t = (T) work[--stack];
            work[stack] = null;
            if (contains(work, seen, t)) {
                continue;
            }
            work[MAX_THROWABLES + seen++] = t;
            if (sink.length() > 0) {
                append(sink, "\n", maxLength);
            }
            String className;
            try {
                className = view.className(t);
            } catch (RuntimeException | StackOverflowError e) {
                className = null;
            }
            append(sink, className, maxLength);
            String msg;
            try {
                msg = view.message(t);
            } catch (RuntimeException | StackOverflowError e) {
                msg = null;
            }
            if (msg != null) {
                append(sink, ": ", maxLength);
                append(sink, msg, maxLength);
            }
            T cause;
            T[] suppressed;
            try {
                cause = view.cause(t);
                suppressed = view.suppressed(t);
            } catch (RuntimeException | StackOverflowError e) {
                cause = null;
                suppressed = null;
            }
            if (cause != null && stack < MAX_THROWABLES) {
                work[stack++] = cause;
            }
            for (int i = suppressed == null ? -1 : suppressed.length - 1; i >= 0 && stack < MAX_THROWABLES; i--) {
                if (suppressed[i] != null) {
                    work[stack++] = suppressed[i];
                }
            }
        }
        for (int i = 0; i < MAX_THROWABLES; i++) {
            work[i] = null;
        }
        for (int i = 0; i < seen; i++) {
            work[MAX_THROWABLES + i] = null;
        }
    }

    private static boolean contains(Object[] work, int seen, Object t) {
        for (int i = 0; i < seen; i++) {
            if (work[MAX_THROWABLES + i] == t) {
                return true;
            }
        }
        return false;
    }

    private static void append(Sink sink, String s, int maxLength) {
        if (s == null) {
            return;
        }
        int room = maxLength - sink.length();
        if (room > 0) {
            sink.append(s, 0, Math.min(room, s.length()));
        }
    }

    /** A sink that builds the text. */
    static final class BuilderSink implements Sink {
        private final StringBuilder sb;

        BuilderSink(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void append(CharSequence s, int start, int end) {
            sb.append(s, start, end);
        }

        @Override
        public int length() {
            return sb.length();
        }
    }
}
