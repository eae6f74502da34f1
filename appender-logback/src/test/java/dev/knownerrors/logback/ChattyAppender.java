package dev.knownerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Test appender that logs inside its own {@code append}, through an application logger of the
 * same context ({@code chatty.client}), one ERROR per event it is given: "could not forward
 * [first line of the event]: java.net.ConnectException: Connection refused" — itself a known
 * error. Like many appenders it extends {@link AppenderBase}: {@code doAppend} is synchronized and
 * drops an event that comes back to the same appender on the same thread, so its own messages do
 * not loop; they reach the other appenders.
 */
public class ChattyAppender extends AppenderBase<ILoggingEvent> {

    static final String LOGGER = "chatty.client";

    @Override
    protected void append(ILoggingEvent event) {
        String m = event.getFormattedMessage();
        int nl = m.indexOf('\n');
        ((LoggerContext) getContext()).getLogger(LOGGER).error("could not forward [{}]: java.net.ConnectException:"
                + " Connection refused", nl < 0 ? m : m.substring(0, nl));
    }
}
