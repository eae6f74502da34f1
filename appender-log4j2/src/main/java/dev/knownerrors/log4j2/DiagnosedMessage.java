package dev.knownerrors.log4j2;

import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.internal.Diagnoser;
import org.apache.logging.log4j.message.AsynchronouslyFormattable;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The message of a diagnosed event: the original's formatted text, followed (with
 * {@code appendToMessage}) by the diagnosis text; format, parameters and throwable are the
 * original's. Carries the diagnosis for {@code %kb}. A layout that can append a message to its
 * own buffer (Log4j's {@code %m}) gets the two texts one after the other, without the joined
 * string being built. Its text is fixed when it is made, so Log4j need not format it before an
 * asynchronous hand-off ({@link AsynchronouslyFormattable}; without it, the joined string is
 * built for every diagnosed event that becomes a reusable event's message).
 */
@AsynchronouslyFormattable
final class DiagnosedMessage implements Message, StringBuilderFormattable {

    private static final long serialVersionUID = 1L;

    private final String formatted;
    private final String format;
    private final Object[] parameters;
    private final transient Throwable throwable;
    private final transient Diagnosis diagnosis;
    private final transient Diagnoser.Result result;
    private final String text;
    private final boolean appendToMessage;
    private transient String withText;

    /** {@code formatted} is the original's formatted message (given, as the caller has it already). */
    DiagnosedMessage(Message original, String formatted, Diagnoser.Result result, boolean appendToMessage) {
        this.formatted = formatted;
        this.format = original.getFormat();
        this.parameters = original.getParameters();
        this.throwable = original.getThrowable();
        this.diagnosis = result.diagnosis();
        this.result = result;
        this.text = result.text();
        this.appendToMessage = appendToMessage;
    }

    Diagnosis diagnosis() {
        return diagnosis;
    }

    /** The diagnosis with its place in the repeat window (for {@code %kb} in another language); null once deserialised. */
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
            return formatted;
        }
        String m = withText;
        if (m == null) {
            m = formatted + text;
            withText = m;
        }
        return m;
    }

    @Override
    public void formatTo(StringBuilder buffer) {
        buffer.append(formatted);
        if (appendToMessage) {
            buffer.append(text);
        }
    }

    @Override
    public String getFormat() {
        return format;
    }

    @Override
    public Object[] getParameters() {
        return parameters;
    }

    @Override
    public Throwable getThrowable() {
        return throwable;
    }

    @Override
    public String toString() {
        return getFormattedMessage();
    }
}
