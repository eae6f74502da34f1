package dev.knownerrors.spring.logback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knownerrors.kb.Diagnosis;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import dev.knownerrors.spring.Apps;
import dev.knownerrors.spring.JsonLines;
import dev.knownerrors.spring.apps.refused.RefusedConnectionApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ConnectException;
import java.util.Map;

import static dev.knownerrors.spring.apps.refused.RefusedConnectionApp.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** Spring Boot's structured console formats carry the kb.* fields (Boot writes the MDC into them). */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("try") // contexts are opened for their side effects and closed after the assertions
class LogbackStructuredLoggingTest {

    @AfterEach
    void clearStructuredFormat() {
        JsonLines.clearStructuredFormat();
    }

    /** The fields the bundled entry gives, computed by the formatter both adapters use. */
    static Map<String, String> expectedFields() {
        Diagnosis d = KnowledgeBase.bundled().diagnose(null, new ConnectException("Connection refused")).orElseThrow();
        return DiagnosisFormatter.of(Language.EN, false).fields(d);
    }

    @Test
    void ecs_json_nests_the_kb_fields_under_kb(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.structured.format.console=ecs", "known-errors.append-to-message=false")) {
            JsonNode event = JsonLines.event(output.getOut(), MESSAGE);
            assertThat(event.path("message").asText()).isEqualTo(MESSAGE);
            assertThat(event.at("/kb/id").asText()).isEqualTo("network/connection-refused");
            expectedFields().forEach((key, value) ->
                    assertThat(event.at("/" + key.replace('.', '/')).asText()).as(key).isEqualTo(value));
            assertThat(event.at("/error/type").asText()).isEqualTo("java.net.ConnectException");
        }
    }

    @Test
    void logstash_json_has_the_kb_fields_as_top_level_keys(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Apps.runAgainstClosedPort(RefusedConnectionApp.class,
                "logging.structured.format.console=logstash")) {
            JsonNode event = JsonLines.event(output.getOut(), MESSAGE);
            assertThat(event.path("message").asText()).startsWith(MESSAGE + "\n  \u2691 known error network/connection-refused");
            expectedFields().forEach((key, value) -> assertThat(event.path(key).asText()).as(key).isEqualTo(value));
            assertThat(event.path("kb.confidence").asText()).isEqualTo("0.95");
        }
    }
}
