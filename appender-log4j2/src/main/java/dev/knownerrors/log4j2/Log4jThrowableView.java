package dev.knownerrors.log4j2;

import dev.knownerrors.kb.ThrowableView;
import org.apache.logging.log4j.core.impl.ThrowableProxy;

/** Reads Log4j's throwable proxies, which is all a deserialised event may have. */
final class Log4jThrowableView implements ThrowableView<ThrowableProxy> {

    static final Log4jThrowableView INSTANCE = new Log4jThrowableView();
    private static final ThrowableProxy[] NONE = new ThrowableProxy[0];

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
