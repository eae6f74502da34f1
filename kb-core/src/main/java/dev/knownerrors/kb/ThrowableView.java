package dev.knownerrors.kb;

/**
 * How to read a throwable-like object (a {@link Throwable}, Logback's {@code IThrowableProxy},
 * Log4j's {@code ThrowableProxy} …) so that every adapter builds the same text to scan.
 *
 * <p>Implementations must be stateless; they are called on the logging thread.
 *
 * @param <T> the throwable type
 */
public interface ThrowableView<T> {

    /** The fully qualified class name. */
    String className(T throwable);

    /** The message, or {@code null}. */
    String message(T throwable);

    /** The cause, or {@code null}. */
    T cause(T throwable);

    /** The suppressed throwables; never {@code null}. */
    T[] suppressed(T throwable);

    /** The view of plain {@link Throwable}s. */
    ThrowableView<Throwable> THROWABLE = new ThrowableView<>() {
        private final Throwable[] none = new Throwable[0];

        @Override
        public String className(Throwable t) {
            return t.getClass().getName();
        }

        @Override
        public String message(Throwable t) {
            return t.getMessage();
        }

        @Override
        public Throwable cause(Throwable t) {
            return t.getCause();
        }

        @Override
        public Throwable[] suppressed(Throwable t) {
            Throwable[] s = t.getSuppressed();
            return s == null ? none : s;
        }
    };
}
