package dev.knownerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.internal.Diagnoser;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event forwarded for a diagnosed event: everything delegates to the original (which is
 * never mutated), except the MDC, which also holds the {@code kb.*} fields, and, with
 * {@code appendToMessage}, the formatted message, which ends with the diagnosis text.
 *
 * <p>A {@link LoggingEvent} (whose own fields stay unused, so its setters change nothing) only because Logback's
 * SocketAppender serialises nothing else: its {@code LoggingEventPreSerializationTransformer}
 * throws for any other {@link ILoggingEvent}, which kills the appender's sending task. As a
 * LoggingEvent it is sent as a {@code LoggingEventVO} built from the getters below.
 */
final class DiagnosedEvent extends LoggingEvent {

    private final ILoggingEvent event;
    private final Diagnoser.Result result;
    private final String text;
    private final boolean appendToMessage;
    private final Map<String, String> mdc;
    private String formatted;

    DiagnosedEvent(ILoggingEvent event, Diagnoser.Result result, boolean appendToMessage) {
        this.event = event;
        this.result = result;
        this.text = result.text();
        this.appendToMessage = appendToMessage;
        Map<String, String> fields = result.fields();
        Map<String, String> original = event.getMDCPropertyMap();
        if (original == null || original.isEmpty()) {
            this.mdc = new DiagnosedMdc(fields); // already unmodifiable
        } else {
            Map<String, String> merged = new LinkedHashMap<>(original.size() + fields.size() + 2);
            merged.putAll(original);
            merged.putAll(fields);
            this.mdc = new DiagnosedMdc(Collections.unmodifiableMap(merged));
        }
    }

    Diagnosis diagnosis() {
        return result.diagnosis();
    }

    /** The diagnosis, with its place in the repeat window (for {@code %kb} in another language). */
    Diagnoser.Result result() {
        return result;
    }

    /** The diagnosis text as appended to a message: a line break and the block (or the repeat reference). */
    String text() {
        return text;
    }

    @Override
    public String getFormattedMessage() {
        if (!appendToMessage) {
            return event.getFormattedMessage();
        }
        String f = formatted;
        if (f == null) {
            f = event.getFormattedMessage() + text;
            formatted = f;
        }
        return f;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return mdc;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return mdc;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getMessage() {
        return event.getMessage();
    }

    @Override
    public Object[] getArgumentArray() {
        return event.getArgumentArray();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return event.getThrowableProxy();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Marker getMarker() {
        return event.getMarker();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return event.getKeyValuePairs();
    }

    @Override
    public long getContextBirthTime() {
        return event.getLoggerContextVO().getBirthTime();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }

    @Override
    public String toString() {
        return event.toString();
    }
}
