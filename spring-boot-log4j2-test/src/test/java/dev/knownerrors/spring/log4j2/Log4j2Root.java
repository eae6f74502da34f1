package dev.knownerrors.spring.log4j2;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

import java.util.Set;
import java.util.TreeSet;

/** What the Log4j root logger looks like. */
final class Log4j2Root {

    private Log4j2Root() {
    }

    static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(Log4j2Root.class.getClassLoader(), false);
    }

    /** The names of the root logger's appenders. */
    static Set<String> appenders() {
        return new TreeSet<>(context().getConfiguration().getRootLogger().getAppenders().keySet());
    }
}
