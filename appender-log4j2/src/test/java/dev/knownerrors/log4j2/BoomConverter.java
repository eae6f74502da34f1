package dev.knownerrors.log4j2;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;

/**
 * Test pattern converter ({@code %boom}) that throws while an appender formats an event whose
 * message is "boom": a layout failing inside a real file appender.
 */
@Plugin(name = "Boom", category = PatternConverter.CATEGORY)
@ConverterKeys({"boom"})
public final class BoomConverter extends LogEventPatternConverter {

    private BoomConverter() {
        super("Boom", "boom");
    }

    public static BoomConverter newInstance(String[] options) {
        return new BoomConverter();
    }

    @Override
    public void format(LogEvent event, StringBuilder to) {
        if (event.getMessage().getFormattedMessage().equals("boom")) {
            throw new IllegalStateException("boom");
        }
    }
}
