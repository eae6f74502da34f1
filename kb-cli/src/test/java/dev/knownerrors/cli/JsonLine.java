package dev.knownerrors.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses one line of jsonl output back with jackson-core, keeping the key order. */
final class JsonLine {

    private JsonLine() {
    }

    static Map<String, Object> parse(String line) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Map<String, Object> o = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                o.put(name, value(p, p.nextToken()));
            }
            assertThat(p.nextToken()).isNull();
            return o;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getIntValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, item));
                }
                return list;
            default:
                throw new AssertionError("unexpected " + t);
        }
    }
}
