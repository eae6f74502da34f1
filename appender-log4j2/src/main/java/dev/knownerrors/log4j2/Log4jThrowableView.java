package dev.knownerrors.log4j2;

import dev.knownerrors.kb.ThrowableView;
import dev.knownerrors.kb.internal.Diagnoser;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ThrowableProxy;
import org.apache.logging.log4j.message.Message;

/** Reads Log4j's throwable proxies, which is all a deserialised event may have. */
// ThrowableProxy is deprecated since Log4j 2.25, but it is all a deserialised event carries.
@SuppressWarnings("deprecation")
final class Log4jThrowableView implements ThrowableView<ThrowableProxy> {

    static final Log4jThrowableView INSTANCE = new Log4jThrowableView();
    private static final ThrowableProxy[] NONE = new ThrowableProxy[0];

    /**
     * Diagnoses an event from its formatted message and its throwable, or, for a deserialised
     * event that has none, its throwable proxy. Returns {@code null} when nothing matched.
     */
    static Diagnoser.Result diagnose(Diagnoser diagnoser, LogEvent event) {
        Message message = event.getMessage();
        return diagnose(diagnoser, event, message == null ? null : message.getFormattedMessage());
    }

    /** {@link #diagnose(Diagnoser, LogEvent)} with the event's formatted message given. */
    static Diagnoser.Result diagnose(Diagnoser diagnoser, LogEvent event, String formatted) {
        if (event.getThrown() == null && event.getThrownProxy() != null) {
            return diagnoser.diagnose(formatted, event.getThrownProxy(), INSTANCE);
        }
        return diagnoser.diagnose(formatted, event.getThrown(), ThrowableView.THROWABLE);
    }

    @Override
    public String className(ThrowableProxy t) {
        return t.getName();
    }

    @Override
    public String message(ThrowableProxy t) {
        return t.getMessage();
    }

    @Override
    public ThrowableProxy cause(ThrowableProxy t) {
        return t.getCauseProxy();
    }

    @Override
    public ThrowableProxy[] suppressed(ThrowableProxy t) {
        ThrowableProxy[] s = t.getSuppressedProxies();
        return s == null ? NONE : s;
    }
}
