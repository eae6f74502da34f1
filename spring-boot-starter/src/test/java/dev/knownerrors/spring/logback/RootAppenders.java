package dev.knownerrors.spring.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.status.Status;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** What the Logback root logger looks like: "NAME" per appender, "NAME[A, B]" for one that wraps others. */
final class RootAppenders {

    private RootAppenders() {
    }

    static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    static Logger root() {
        return context().getLogger(Logger.ROOT_LOGGER_NAME);
    }

    static List<String> describe() {
        return describe(root());
    }

    private static List<String> describe(AppenderAttachable<ILoggingEvent> parent) {
        List<String> out = new ArrayList<>();
        parent.iteratorForAppenders().forEachRemaining(a -> out.add(describe(a)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String describe(Appender<ILoggingEvent> appender) {
        String name = appender.getClass().getSimpleName() + ":" + appender.getName();
        return appender instanceof AppenderAttachable<?> nested
                ? name + describe((AppenderAttachable<ILoggingEvent>) nested) : name;
    }

    static List<String> statusMessages() {
        return context().getStatusManager().getCopyOfStatusList().stream().map(Status::getMessage).toList();
    }
}
