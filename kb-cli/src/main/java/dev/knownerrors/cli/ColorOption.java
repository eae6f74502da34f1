package dev.knownerrors.cli;

import dev.knownerrors.kb.DiagnosisFormatter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * {@code --color auto|always|never} (a picocli mixin): the text diagnosis block coloured with the
 * ANSI codes of {@code %kb{ansi}}. auto: when stdout is a terminal and {@code NO_COLOR} is not set.
 */
final class ColorOption {

    enum When {
        AUTO, ALWAYS, NEVER
    }

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto", converter = WhenConverter.class,
            description = "Colour the diagnosis text; auto (default): when stdout is a terminal and NO_COLOR is not set.")
    When when = When.AUTO;

    /** The formatter, coloured or not as asked. */
    DiagnosisFormatter apply(DiagnosisFormatter formatter) {
        return formatter.withAnsi(enabled());
    }

    boolean enabled() {
        switch (when) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                String noColor = System.getenv("NO_COLOR");
                return (noColor == null || noColor.isEmpty()) && Terminal.isTerminal(Terminal.STDOUT);
        }
    }

    static final class WhenConverter implements ITypeConverter<When> {
        @Override
        public When convert(String value) {
            try {
                return When.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown value '" + value + "' (expected auto, always or never)");
            }
        }
    }
}
