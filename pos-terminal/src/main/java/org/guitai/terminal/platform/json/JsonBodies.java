package org.guitai.terminal.platform.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The JSON objects the terminal reads: the store's answers and what it keeps on disk ({@link
 * #object}, which fails on anything else), and bodies it only looks into ({@link #objectOrEmpty},
 * empty for no body, another JSON value or no JSON at all).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws jakarta.json.JsonException unless {@code json} is a JSON object */
    public static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonObject objectOrEmpty(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    public static JsonObject objectOrEmpty(byte[] bytes) {
        return bytes == null ? JsonValue.EMPTY_JSON_OBJECT : objectOrEmpty(new String(bytes, StandardCharsets.UTF_8));
    }
}
