package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.ThrowableProxy;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringMap;

import java.util.Map;

/**
 * The copy ({@link DiagnosedCopy}) of an event received from another process (deserialised),
 * which may carry its exception only as a throwable proxy: Log4j's builder drops a proxy, which
 * is what layouts and appenders that forward the event read the stack trace from, so this copy
 * reads everything but message and context data from the source itself. Immutable, as its
 * source is.
 */
@SuppressWarnings("deprecation") // ThrowableProxy
final class ReceivedCopy implements LogEvent {
    private static final long serialVersionUID = 1L;

    private final LogEvent source;
    private final Message message;
    private final StringMap contextData;
    private boolean endOfBatch;
    private boolean includeLocation;

    ReceivedCopy(LogEvent source, Message message, StringMap contextData) {
        this.source = source;
        this.message = message;
        this.contextData = contextData;
        this.endOfBatch = source.isEndOfBatch();
        this.includeLocation = source.isIncludeLocation();
    }

    @Override
    public LogEvent toImmutable() {
        return this;
    }

    @Override
    public Map<String, String> getContextMap() {
        return contextData.toMap();
    }

    @Override
    public ReadOnlyStringMap getContextData() {
        return contextData;
    }

    @Override
    public ThreadContext.ContextStack getContextStack() {
        return source.getContextStack();
    }

    @Override
    public String getLoggerFqcn() {
        return source.getLoggerFqcn();
    }

    @Override
    public Level getLevel() {
        return source.getLevel();
    }

    @Override
    public String getLoggerName() {
        return source.getLoggerName();
    }

    @Override
    public Marker getMarker() {
        return source.getMarker();
    }

    @Override
    public Message getMessage() {
        return message;
    }

    @Override
    public long getTimeMillis() {
        return source.getTimeMillis();
    }

    @Override
    public Instant getInstant() {
        return source.getInstant();
    }

    @Override
    public StackTraceElement getSource() {
        return source.getSource();
    }

    @Override
    public String getThreadName() {
        return source.getThreadName();
    }

    @Override
    public long getThreadId() {
        return source.getThreadId();
    }

    @Override
    public int getThreadPriority() {
        return source.getThreadPriority();
    }

    @Override
    public Throwable getThrown() {
        return source.getThrown();
    }

    @Override
    public ThrowableProxy getThrownProxy() {
        return source.getThrownProxy();
    }

    @Override
    public boolean isEndOfBatch() {
        return endOfBatch;
    }

    @Override
    public boolean isIncludeLocation() {
        return includeLocation;
    }

    @Override
    public void setEndOfBatch(boolean endOfBatch) {
        this.endOfBatch = endOfBatch;
    }

    @Override
    public void setIncludeLocation(boolean includeLocation) {
        this.includeLocation = includeLocation;
    }

    @Override
    public long getNanoTime() {
        return source.getNanoTime();
    }

    /** Serialised as Log4j serialises any event: its proxy, built from the getters above. */
    private Object writeReplace() {
        return Log4jLogEvent.serialize(this, includeLocation);
    }
}
