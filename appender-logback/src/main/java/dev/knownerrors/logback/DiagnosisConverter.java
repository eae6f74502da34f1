package dev.knownerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.internal.Diagnoser;

import java.util.List;
import java.util.Locale;

/**
 * {@code %kb}: the diagnosis text (a line break and the block), or nothing. Register it with
 * {@code <conversionRule conversionWord="kb" class="dev.knownerrors.logback.DiagnosisConverter"/>}.
 *
 * <p>Behind a {@link DiagnosingAppender} it shows that appender's diagnosis (set the appender's
 * {@code appendToMessage} to false so the text is not shown twice). On its own it diagnoses
 * events at or above WARN with the bundled KB. Options, in any order: a level ({@code %kb{INFO}}),
 * a locale ({@code zh}), {@code ascii}, {@code ansi} (the block coloured with ANSI codes, like
 * {@code %highlight}; see {@link DiagnosisFormatter}). Behind the appender, a locale, {@code ascii}
 * or {@code ansi} option makes the converter render the text itself with its own options.
 *
 * <p>Thread-safe; costs nothing below the minimum level or on events a wrapper already handled.
 */
public class DiagnosisConverter extends ClassicConverter {

    private Level minimumLevel = Level.WARN;
    private DiagnosisFormatter formatter;
    private Diagnoser diagnoser;

    @Override
    public void start() {
        Language language = Language.EN;
        boolean ascii = false;
        boolean ansi = false;
        boolean customised = false;
        List<String> options = getOptionList();
        if (options != null) {
            for (String option : options) {
                String o = option.trim().toLowerCase(Locale.ROOT);
                Level level = Level.toLevel(o, null);
                if (o.equals("ascii")) {
                    ascii = true;
                    customised = true;
                } else if (o.equals("ansi")) {
                    ansi = true;
                    customised = true;
                } else if (level != null && !o.isEmpty()) {
                    minimumLevel = level;
                } else {
                    try {
                        language = Language.parse(o);
                        customised = true;
                    } catch (IllegalArgumentException e) {
                        addError("known-errors: %kb option '" + option + "' is not a level, a locale (en, zh), ascii or ansi");
                    }
                }
            }
        }
        DiagnosisFormatter f = DiagnosisFormatter.of(language, ascii).withAnsi(ansi);
        formatter = customised ? f : null;
        diagnoser = new Diagnoser(KnowledgeBase.bundled(), f, this::addError);
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        try {
            if (event instanceof DiagnosedEvent d) {
                return formatter == null ? d.text() : d.result().text(formatter);
            }
            if (diagnoser == null || !event.getLevel().isGreaterOrEqual(minimumLevel)) {
                return "";
            }
            Diagnoser.Result r = LogbackThrowableView.diagnose(diagnoser, event);
            return r == null ? "" : r.text();
        } catch (RuntimeException | StackOverflowError e) {
            if (diagnoser != null) {
                diagnoser.report(e);
            }
            return "";
        }
    }
}
