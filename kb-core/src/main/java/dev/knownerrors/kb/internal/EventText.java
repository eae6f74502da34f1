package dev.knownerrors.kb.internal;

import dev.knownerrors.kb.ThrowableView;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Builds the text scanned for one event: the formatted message, then one line
 * {@code ClassName: message} per throwable of the cause and suppressed chain (depth first: a
 * throwable, its suppressed ones, then its cause), cut at a maximum length. Cycles in the chain
 * and a throwable whose {@code getMessage()} throws are handled.
 */
public final class EventText {

    /** At most this many throwables of one chain are read. */
    static final int MAX_THROWABLES = 64;

    private EventText() {
    }

    public static <T> String of(String message, T thrown, ThrowableView<T> view, int maxLength) {
        StringBuilder sb = new StringBuilder(Math.min(maxLength, 256));
        append(sb, message, maxLength);
        if (thrown == null || sb.length() >= maxLength) {
            return sb.toString();
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<T> todo = new ArrayDeque<>();
        todo.push(thrown);
        while (!todo.isEmpty() && seen.size() < MAX_THROWABLES && sb.length() < maxLength) {
            T t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            append(sb, safe(() -> view.className(t)), maxLength);
            String msg = safe(() -> view.message(t));
            if (msg != null) {
                append(sb, ": ", maxLength);
                append(sb, msg, maxLength);
            }
            T cause = safe(() -> view.cause(t));
            if (cause != null) {
                todo.push(cause);
            }
            T[] suppressed = safe(() -> view.suppressed(t));
            if (suppressed != null) {
                for (int i = suppressed.length - 1; i >= 0; i--) {
                    if (suppressed[i] != null) {
                        todo.push(suppressed[i]);
                    }
                }
            }
        }
        if (sb.length() > maxLength) {
            sb.setLength(maxLength);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s, int maxLength) {
        if (s == null) {
            return;
        }
        int room = maxLength - sb.length();
        if (room > 0) {
            sb.append(s, 0, Math.min(room, s.length()));
        }
    }

    private interface Read<R> {
        R get();
    }

    /** A hostile throwable may throw from any accessor; such a value is read as absent. */
    private static <R> R safe(Read<R> read) {
        try {
            return read.get();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }
}
