package dev.knownerrors.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.knownerrors.kb.DeadEnd;
import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.KnownError;
import dev.knownerrors.kb.Language;
import dev.knownerrors.kb.internal.Sanitizer;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes one diagnosed event as one JSON object on one line, keys in this order: {@code line},
 * {@code level}, {@code id}, {@code domain}, {@code confidence}, {@code root_cause},
 * {@code workaround}, {@code dead_ends}, {@code doc_url}. An absent value is {@code null}
 * ({@code dead_ends} is then {@code []}). Texts are sanitised to one line. Thread-safe.
 */
final class DiagnosisJson {

    static final String DASH = " \u2014 ";
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private DiagnosisJson() {
    }

    static void write(Writer out, long line, LogLevel level, Diagnosis diagnosis, Language language) throws IOException {
        KnownError e = diagnosis.knownError();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("line", line);
            string(g, "level", level == null ? null : level.name());
            string(g, "id", e.id());
            string(g, "domain", e.domain() != null && !e.domain().isBlank() ? e.domain() : domainOf(e.id()));
            if (e.confidence() == null) {
                g.writeNullField("confidence");
            } else {
                g.writeNumberField("confidence", e.confidence());
            }
            string(g, "root_cause", e.rootCause(language));
            string(g, "workaround", e.topWorkaround().map(w -> w.text(language)).orElse(null));
            g.writeArrayFieldStart("dead_ends");
            for (DeadEnd d : e.deadEnds()) {
                g.writeString(clean(d.text(language, DASH)));
            }
            g.writeEndArray();
            string(g, "doc_url", e.officialDocUrl());
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        String v = clean(value);
        if (v.isEmpty()) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, v);
        }
    }

    private static String clean(String text) {
        return Sanitizer.oneLine(text, false);
    }

    private static String domainOf(String id) {
        int slash = id.indexOf('/');
        return slash > 0 ? id.substring(0, slash) : null;
    }
}
