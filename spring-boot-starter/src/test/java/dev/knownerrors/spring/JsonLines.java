package dev.knownerrors.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON lines of captured structured console output, parsed with Jackson. */
public final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /**
     * Spring Boot hands {@code logging.structured.format.console} to the logging system as a
     * system property and leaves it set after the application closed; tests that set it call
     * this afterwards so that the next application in the JVM logs plain text again.
     */
    public static void clearStructuredFormat() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    /** Every line that is a JSON object, parsed. */
    public static List<JsonNode> parse(String output) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    events.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return events;
    }

    /** The one event whose message starts with {@code message}. */
    public static JsonNode event(String output, String message) {
        List<JsonNode> found = parse(output).stream()
                .filter(e -> e.path("message").asText().startsWith(message)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one JSON event with message '" + message + "', found " + found.size()
                    + " in:\n" + output);
        }
        return found.get(0);
    }
}
