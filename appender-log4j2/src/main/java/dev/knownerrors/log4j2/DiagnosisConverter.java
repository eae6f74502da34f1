package dev.knownerrors.log4j2;

import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.internal.Diagnoser;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.status.StatusLogger;

import java.util.Locale;

/**
 * {@code %kb}: the diagnosis text (a line break and the block), or nothing.
 *
 * <p>Behind a {@link DiagnosingAppender} or a {@link DiagnosingRewritePolicy} it shows their
 * diagnosis (set their {@code appendToMessage} to false so the text is not shown twice). On its
 * own it diagnoses events at or above WARN with the bundled KB. Options, in any order: a level
 * ({@code %kb{INFO}}), a locale ({@code zh}), {@code ascii}, {@code ansi} (the block coloured with
 * ANSI codes, like {@code %highlight}; see {@link DiagnosisFormatter}). Behind them, a locale,
 * {@code ascii} or {@code ansi} option makes the converter render the text itself with its own
 * options.
 *
 * <p>Thread-safe; costs nothing below the minimum level or on events already diagnosed in front of it.
 */
@Plugin(name = "DiagnosisConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"kb"})
public final class DiagnosisConverter extends LogEventPatternConverter {

    private final Level minimumLevel;
    private final DiagnosisFormatter formatter;
    private final Diagnoser diagnoser;

    private DiagnosisConverter(Level minimumLevel, DiagnosisFormatter formatter, boolean customised) {
        super("KnownErrorDiagnosis", "kb");
        this.minimumLevel = minimumLevel;
        this.formatter = customised ? formatter : null;
        this.diagnoser = new Diagnoser(KnowledgeBase.bundled(), formatter, StatusLogger.getLogger()::error);
    }

    /** Called by the pattern parser with the options of {@code %kb{…}}. */
    public static DiagnosisConverter newInstance(String[] options) {
        Level level = Level.WARN;
        Language language = Language.EN;
        boolean ascii = false;
        boolean ansi = false;
        boolean customised = false;
        if (options != null) {
            for (String option : options) {
                String o = option == null ? "" : option.trim().toLowerCase(Locale.ROOT);
                Level asLevel = Level.toLevel(o, null);
                if (o.equals("ascii")) {
                    ascii = true;
                    customised = true;
                } else if (o.equals("ansi")) {
                    ansi = true;
                    customised = true;
                } else if (asLevel != null && !o.isEmpty()) {
                    level = asLevel;
                } else {
                    try {
                        language = Language.parse(o);
                        customised = true;
                    } catch (IllegalArgumentException e) {
                        StatusLogger.getLogger().error(
                                "known-errors: %kb option '{}' is not a level, a locale (en, zh), ascii or ansi", option);
                    }
                }
            }
        }
        return new DiagnosisConverter(level, DiagnosisFormatter.of(language, ascii).withAnsi(ansi), customised);
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        try {
            Message message = event.getMessage();
            if (message instanceof DiagnosedMessage d) {
                toAppendTo.append(formatter == null || d.result() == null ? d.text() : d.result().text(formatter));
                return;
            }
            if (!event.getLevel().isMoreSpecificThan(minimumLevel)) {
                return;
            }
            Diagnoser.Result r = Log4jThrowableView.diagnose(diagnoser, event);
            if (r != null) {
                toAppendTo.append(r.text());
            }
        } catch (RuntimeException | StackOverflowError e) {
            diagnoser.report(e);
        }
    }
}
