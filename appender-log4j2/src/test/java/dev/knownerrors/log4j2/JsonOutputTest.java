package dev.knownerrors.log4j2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.junit.LoggerContextSource;
import org.apache.logging.log4j.test.ListStatusListener;
import org.apache.logging.log4j.test.junit.TempLoggingDir;
import org.apache.logging.log4j.test.junit.UsingStatusListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kb.* context data in the JSON that JsonTemplateLayout writes with the ECS template
 * ({@code classpath:EcsLayout.json}), from a real log4j2.xml with a File appender, every line
 * parsed with Jackson.
 */
@UsingStatusListener
class JsonOutputTest {

    static final String MESSAGE = "Could not reach the inventory service";
    static final String ID = "network/connection-refused";

    @TempLoggingDir
    Path loggingPath;

    static Map<String, String> expectedFields() {
        var d = KnowledgeBase.bundled().diagnose(MESSAGE, new ConnectException("Connection refused")).orElseThrow();
        return DiagnosisFormatter.of(Language.EN, false).fields(d);
    }

    /** Logs a benign line, the known error, and a benign warning; returns the file's lines parsed. */
    private List<JsonNode> logAndRead(LoggerContext context, ListStatusListener status) throws IOException {
        Logger logger = context.getLogger("inventory.Client");
        logger.info("Started InventoryClient in 1.2 seconds");
        logger.error(MESSAGE, new ConnectException("Connection refused"));
        logger.warn("Slow response from backend: {} ms", 1200);
        assertThat(status.findStatusData(Level.WARN)).isEmpty();
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(loggingPath.resolve("app.json"), StandardCharsets.UTF_8)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    static Map<String, String> kbFields(JsonNode object) {
        Map<String, String> kb = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (e.getKey().startsWith("kb.")) {
                kb.put(e.getKey(), e.getValue().asText());
            }
        });
        return kb;
    }

    @Test
    @LoggerContextSource("JsonOutputTest-ecs.xml")
    void ecs_layout_writes_the_kb_fields_as_top_level_fields_and_leaves_the_message_alone(LoggerContext context,
            ListStatusListener status) throws IOException {
        List<JsonNode> lines = logAndRead(context, status);
        assertThat(lines).hasSize(3);
        JsonNode error = lines.get(1);
        assertThat(kbFields(error)).isEqualTo(expectedFields()).containsEntry("kb.id", ID)
                .containsEntry("kb.confidence", "0.95").containsKeys("kb.root_cause", "kb.workaround", "kb.dead_end",
                        "kb.doc_url");
        assertThat(error.get("message").asText()).isEqualTo(MESSAGE);
        assertThat(error.get("log.level").asText()).isEqualTo("ERROR");
        assertThat(error.get("error.type").asText()).isEqualTo("java.net.ConnectException");
        assertThat(kbFields(lines.get(0))).isEmpty();
        assertThat(kbFields(lines.get(2))).isEmpty();
    }

    @Test
    @LoggerContextSource("JsonOutputTest-own-template.xml")
    void an_own_template_can_nest_the_kb_fields_in_one_object(LoggerContext context, ListStatusListener status)
            throws IOException {
        List<JsonNode> lines = logAndRead(context, status);
        assertThat(lines).hasSize(3);
        Map<String, String> nested = new LinkedHashMap<>();
        lines.get(1).get("kb").properties().forEach(e -> nested.put("kb." + e.getKey(), e.getValue().asText()));
        assertThat(nested).isEqualTo(expectedFields()).containsEntry("kb.id", ID);
        assertThat(lines.get(1).get("message").asText()).isEqualTo(MESSAGE);
        assertThat(lines.get(0).has("kb")).isFalse();
        assertThat(lines.get(2).has("kb")).isFalse();
    }

    @Test
    @LoggerContextSource("JsonOutputTest-ecs-appended.xml")
    void with_append_to_message_left_on_the_message_field_also_carries_the_text_block(LoggerContext context,
            ListStatusListener status) throws IOException {
        List<JsonNode> lines = logAndRead(context, status);
        JsonNode error = lines.get(1);
        assertThat(kbFields(error)).isEqualTo(expectedFields());
        assertThat(error.get("message").asText()).startsWith(MESSAGE + "\n  \u2691 known error " + ID + " \u2014 ")
                .contains("\n    try: ");
        assertThat(lines.get(0).get("message").asText()).isEqualTo("Started InventoryClient in 1.2 seconds");
    }
}
