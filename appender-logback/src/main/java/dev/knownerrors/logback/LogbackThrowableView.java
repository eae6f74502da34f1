package dev.knownerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.knownerrors.kb.ThrowableView;
import dev.knownerrors.kb.internal.Diagnoser;

/** Reads Logback's throwable proxies, which is all a deserialised or deferred event has. */
final class LogbackThrowableView implements ThrowableView<IThrowableProxy> {

    static final LogbackThrowableView INSTANCE = new LogbackThrowableView();
    private static final IThrowableProxy[] NONE = new IThrowableProxy[0];

    /** Diagnoses an event from its formatted message and throwable proxy; {@code null} when nothing matched. */
    static Diagnoser.Result diagnose(Diagnoser diagnoser, ILoggingEvent event) {
        return diagnoser.diagnose(event.getFormattedMessage(), event.getThrowableProxy(), INSTANCE);
    }

    @Override
    public String className(IThrowableProxy t) {
        return t.getClassName();
    }

    @Override
    public String message(IThrowableProxy t) {
        return t.getMessage();
    }

    @Override
    public IThrowableProxy cause(IThrowableProxy t) {
        return t.getCause();
    }

    @Override
    public IThrowableProxy[] suppressed(IThrowableProxy t) {
        IThrowableProxy[] s = t.getSuppressed();
        return s == null ? NONE : s;
    }
}
