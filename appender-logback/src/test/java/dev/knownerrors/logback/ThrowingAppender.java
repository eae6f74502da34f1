package dev.knownerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Test appender whose {@code doAppend} itself throws for every event, as an appender written
 * against the {@code Appender} interface, without Logback's base class to catch its failure, can.
 */
public class ThrowingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    @Override
    public void doAppend(ILoggingEvent event) {
        throw new IllegalStateException("the disk went away");
    }

    @Override
    protected void append(ILoggingEvent event) {
        doAppend(event);
    }
}
