package dev.knownerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Test status listener that sends every "known-errors: diagnosing an event failed" status (and every
 * quarantine report) to an
 * application logger ({@code status}): the component's failure report comes back into logging
 * while the failed event is still being logged. Logback calls status listeners under a lock of
 * its status manager.
 */
public class LoggingStatusListener extends ContextAwareBase implements StatusListener {

    static final String LOGGER = "status";

    @Override
    public void addStatusEvent(Status status) {
        if (status.getMessage().startsWith("known-errors: diagnosing an event failed")
                || status.getMessage().contains("quarantined: ")) {
            ((LoggerContext) getContext()).getLogger(LOGGER).error(status.getMessage());
        }
    }
}
