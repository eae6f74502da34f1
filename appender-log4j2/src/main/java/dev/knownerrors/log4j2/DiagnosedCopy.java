package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StringMap;

/**
 * The copy of a diagnosed event: the source's fields with another message and context data,
 * as an object of the source's own class where that class is Log4j's reusable
 * {@link MutableLogEvent} (what a synchronous logger hands its appenders), else as a
 * {@link Log4jLogEvent}. Why the class matters: the appenders and layouts downstream call the
 * event at dozens of places, and the JIT compiles each for the classes it has seen there. A
 * second class, seen on two events in a hundred, made every event of Log4j's file appender
 * about 10 % dearer (BENCHMARKS.md).
 *
 * <p>The source's caller location is not asked for (a stack walk): the copy finds it lazily,
 * on this same thread, only if a layout or an asynchronous hand-off asks.
 */
final class DiagnosedCopy {

    private DiagnosedCopy() {
    }

    @SuppressWarnings("deprecation") // ThrowableProxy: all a deserialised event may carry
    static LogEvent of(LogEvent source, Message message, StringMap contextData) {
        if (source.getClass() == MutableLogEvent.class) {
            return mutable(source, message, contextData);
        }
        if (source.getThrown() == null && source.getThrownProxy() != null) {
            return new ReceivedCopy(source, message, contextData);
        }
        return immutable(source, message, contextData);
    }

    private static LogEvent mutable(LogEvent source, Message message, StringMap contextData) {
        MutableLogEvent copy = new MutableLogEvent();
        copy.setLoggerFqcn(source.getLoggerFqcn());
        copy.setLoggerName(source.getLoggerName());
        copy.setLevel(source.getLevel());
        copy.setMarker(source.getMarker());
        copy.setThrown(source.getThrown());
        if (copy.getInstant() instanceof MutableInstant instant) {
            instant.initFrom(source.getInstant());
        } else {
            copy.setTimeMillis(source.getTimeMillis());
        }
        copy.setNanoTime(source.getNanoTime());
        copy.setThreadId(source.getThreadId());
        copy.setThreadName(source.getThreadName());
        copy.setThreadPriority(source.getThreadPriority());
        copy.setContextStack(source.getContextStack());
        copy.setEndOfBatch(source.isEndOfBatch());
        copy.setIncludeLocation(source.isIncludeLocation());
        copy.setContextData(contextData);
        copy.setMessage(message);
        return copy;
    }

    // Not Log4jLogEvent.Builder(source): it asks the source for its caller's location.
    private static LogEvent immutable(LogEvent source, Message message, StringMap contextData) {
        return new Log4jLogEvent.Builder()
                .setLoggerFqcn(source.getLoggerFqcn())
                .setLoggerName(source.getLoggerName())
                .setLevel(source.getLevel())
                .setMarker(source.getMarker())
                .setThrown(source.getThrown())
                .setInstant(source.getInstant())
                .setNanoTime(source.getNanoTime())
                .setThreadId(source.getThreadId())
                .setThreadName(source.getThreadName())
                .setThreadPriority(source.getThreadPriority())
                .setContextStack(source.getContextStack())
                .setEndOfBatch(source.isEndOfBatch())
                .setIncludeLocation(source.isIncludeLocation())
                .setMessage(message)
                .setContextData(contextData)
                .build();
    }
}
