package dev.knownerrors.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knownerrors.kb.DiagnosisFormatter;
import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The kb.* MDC fields in the JSON that real encoders write: logstash-logback-encoder's
 * LogstashEncoder and Logback's JsonEncoder, each from a real logback.xml with a FileAppender,
 * every line parsed with Jackson.
 */
class JsonOutputTest {

    static final String MESSAGE = "Could not reach the inventory service";
    static final String ID = "network/connection-refused";

    @TempDir
    Path dir;

    /** What the bundled KB's entry says, rendered by the formatter every adapter uses. */
    static Map<String, String> expectedFields() {
        var d = KnowledgeBase.bundled().diagnose(MESSAGE, new ConnectException("Connection refused")).orElseThrow();
        return DiagnosisFormatter.of(Language.EN, false).fields(d);
    }

    /** Logs a benign line, the known error, and a benign warning; returns the file's lines parsed. */
    private List<JsonNode> logAndRead(String config) throws IOException {
        Path log = dir.resolve("app.json");
        LoggerContext context = Logback.configure(config, Map.of("logFile", log.toString()));
        Logger logger = context.getLogger("inventory.Client");
        logger.info("Started InventoryClient in 1.2 seconds");
        logger.error(MESSAGE, new ConnectException("Connection refused"));
        logger.warn("Slow response from backend: {} ms", 1200);
        context.stop();
        Logback.assertNoWarningsOrErrors(context);
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    /** The kb.* members of an object. */
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
    void logstash_encoder_writes_the_kb_fields_as_top_level_fields_and_leaves_the_message_alone() throws IOException {
        List<JsonNode> lines = logAndRead("JsonOutputTest-logstash.xml");
        assertThat(lines).hasSize(3);
        JsonNode error = lines.get(1);
        assertThat(kbFields(error)).isEqualTo(expectedFields()).containsEntry("kb.id", ID)
                .containsEntry("kb.confidence", "0.95").containsKeys("kb.root_cause", "kb.workaround", "kb.dead_end",
                        "kb.doc_url");
        assertThat(error.get("message").asText()).isEqualTo(MESSAGE);
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("stack_trace").asText()).startsWith("java.net.ConnectException: Connection refused");
        assertThat(kbFields(lines.get(0))).isEmpty();
        assertThat(kbFields(lines.get(2))).isEmpty();
    }

    @Test
    void with_append_to_message_left_on_the_message_field_also_carries_the_text_block() throws IOException {
        List<JsonNode> lines = logAndRead("JsonOutputTest-logstash-appended.xml");
        JsonNode error = lines.get(1);
        assertThat(kbFields(error)).isEqualTo(expectedFields());
        assertThat(error.get("message").asText()).startsWith(MESSAGE + "\n  \u2691 known error " + ID + " \u2014 ")
                .contains("\n    try: ");
        assertThat(lines.get(0).get("message").asText()).isEqualTo("Started InventoryClient in 1.2 seconds");
    }

    @Test
    void logback_json_encoder_writes_the_kb_fields_in_its_mdc_object() throws IOException {
        List<JsonNode> lines = logAndRead("JsonOutputTest-json-encoder.xml");
        assertThat(lines).hasSize(3);
        JsonNode error = lines.get(1);
        assertThat(kbFields(error.get("mdc"))).isEqualTo(expectedFields()).containsEntry("kb.id", ID);
        assertThat(error.get("formattedMessage").asText()).isEqualTo(MESSAGE);
        assertThat(lines.get(0).has("mdc") ? kbFields(lines.get(0).get("mdc")) : Map.of()).isEmpty();
        assertThat(lines.get(2).has("mdc") ? kbFields(lines.get(2).get("mdc")) : Map.of()).isEmpty();
    }
}
