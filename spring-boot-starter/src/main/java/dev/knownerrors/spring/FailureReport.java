package dev.knownerrors.spring;

import dev.knownerrors.kb.DeadEnd;
import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.Workaround;
import dev.knownerrors.kb.internal.Sanitizer;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The text of {@link KnownErrorFailureAnalyzer}'s report. KB text goes through the formatter's
 * fields (one line each, control characters neutralised), as in the log output.
 *
 * <p>The description does not quote the text that matched: Spring Boot logs the report at
 * ERROR, and quoting it would make the diagnosing appender append the same diagnosis to it.
 */
final class FailureReport {

    private static final int MAX_CONTEXT = 300;

    private final KnowledgeBase kb;
    private final DiagnosisFormatter formatter;

    FailureReport(KnowledgeBase kb, DiagnosisFormatter formatter) {
        this.kb = kb;
        this.formatter = formatter;
    }

    /**
     * "A known error stopped the application: ID (ExceptionClass, in: top-level message)."
     * then the root cause. The top-level message is left out when it matches the KB itself.
     */
    String description(Diagnosis diagnosis, Throwable failure) {
        Map<String, String> fields = formatter.fields(diagnosis);
        StringBuilder sb = new StringBuilder("A known error stopped the application: ")
                .append(fields.get(DiagnosisFormatter.FIELD_ID));
        Throwable raised = raisedBy(diagnosis, failure);
        if (raised != null) {
            sb.append(" (").append(raised.getClass().getName());
            String context = oneLine(failure.getMessage());
            if (raised != failure && !context.isEmpty() && kb.diagnoseText(context).isEmpty()) {
                sb.append(", in: ").append(context.length() > MAX_CONTEXT ? context.substring(0, MAX_CONTEXT) + "..." : context);
            }
            sb.append(')');
        }
        sb.append('.');
        String rootCause = fields.get(DiagnosisFormatter.FIELD_ROOT_CAUSE);
        if (rootCause != null) {
            sb.append("\n\n").append(rootCause);
        }
        return sb.toString();
    }

    /** The best workaround (with how, and its success rate), the first dead end, the documentation. */
    String action(Diagnosis diagnosis) {
        KnownError entry = diagnosis.knownError();
        Map<String, String> fields = formatter.fields(diagnosis);
        StringBuilder sb = new StringBuilder();
        String workaround = fields.get(DiagnosisFormatter.FIELD_WORKAROUND);
        if (workaround != null) {
            sb.append(workaround);
            Workaround top = entry.topWorkaround().orElseThrow();
            if (top.successRate() != null) {
                sb.append(" (works in ").append(percent(top.successRate())).append(" % of cases)");
            }
            String how = oneLine(top.how());
            if (formatter.language() == Language.EN && !how.isEmpty() && !how.equals(workaround)) {
                sb.append('\n').append(how);
            }
        }
        String deadEnd = fields.get(DiagnosisFormatter.FIELD_DEAD_END);
        if (deadEnd != null) {
            DeadEnd first = entry.firstDeadEnd().orElseThrow();
            paragraph(sb).append("Not worth trying: ").append(deadEnd);
            if (first.failRate() != null) {
                sb.append(" (fails in ").append(percent(first.failRate())).append(" % of cases)");
            }
        }
        String docs = fields.get(DiagnosisFormatter.FIELD_DOC_URL);
        if (docs != null) {
            paragraph(sb).append("Documentation: ").append(docs);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The throwable of the chain (causes and suppressed) whose "Class: message" holds the matched text. */
    private static Throwable raisedBy(Diagnosis diagnosis, Throwable failure) {
        return find(failure, diagnosis.matchedText(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable find(Throwable t, String matched, Set<Throwable> seen) {
        if (t == null || !seen.add(t) || seen.size() > 64) {
            return null;
        }
        if (String.valueOf(t).contains(matched)) {
            Throwable deeper = find(t.getCause(), matched, seen);
            return deeper != null ? deeper : t;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable found = find(suppressed, matched, seen);
            if (found != null) {
                return found;
            }
        }
        return find(t.getCause(), matched, seen);
    }

    private String oneLine(String text) {
        return text == null ? "" : Sanitizer.oneLine(text, formatter.ascii()).strip();
    }

    private static StringBuilder paragraph(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append("\n\n");
    }

    private static long percent(double rate) {
        return Math.round(rate * 100);
    }
}
