package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * Test appender ({@code <Chatty name="…"/>}) that logs inside its own {@code append}, through an
 * application logger of the same context ({@code chatty.client}), one ERROR per event it is
 * given: "could not forward [first line of the event]: java.net.ConnectException: Connection
 * refused" — itself a known error.
 */
@Plugin(name = "Chatty", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class ChattyAppender extends AbstractAppender {

    static final String LOGGER = "chatty.client";
    private final Configuration configuration;

    private ChattyAppender(String name, Configuration configuration) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
        this.configuration = configuration;
    }

    @PluginFactory
    public static ChattyAppender create(@PluginAttribute("name") String name, @PluginConfiguration Configuration configuration) {
        return new ChattyAppender(name, configuration);
    }

    @Override
    public void append(LogEvent event) {
        String m = event.getMessage().getFormattedMessage();
        int nl = m.indexOf('\n');
        configuration.getLoggerContext().getLogger(LOGGER).error("could not forward [{}]: java.net.ConnectException:"
                + " Connection refused", nl < 0 ? m : m.substring(0, nl));
    }
}
