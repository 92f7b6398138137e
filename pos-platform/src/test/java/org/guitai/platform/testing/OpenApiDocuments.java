package org.guitai.platform.testing;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** What the store's tests ask of an OpenAPI document: is it valid, and where does it first differ from another. */
public final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    /** The errors openapi-generator's {@code validate} reports from the parser: none for a valid document. */
    public static List<String> validationErrors(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        List<String> messages = new OpenAPIV3Parser().readContents(document, null, options).getMessages();
        return messages == null ? List.of() : messages;
    }

    /**
     * The first place, as a JSON pointer, where two documents differ in meaning: members are compared by
     * name whatever their order, arrays element by element.
     */
    public static Optional<String> firstDifference(JsonValue expected, JsonValue actual) {
        return firstDifference(expected, actual, "");
    }

    private static Optional<String> firstDifference(JsonValue expected, JsonValue actual, String pointer) {
        if (expected instanceof JsonObject e && actual instanceof JsonObject a) {
            for (String name : union(e, a)) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!e.containsKey(name)) {
                    return Optional.of(at + " is served but not committed: " + a.get(name));
                }
                if (!a.containsKey(name)) {
                    return Optional.of(at + " is committed but not served: " + e.get(name));
                }
                Optional<String> inside = firstDifference(e.get(name), a.get(name), at);
                if (inside.isPresent()) {
                    return inside;
                }
            }
            return Optional.empty();
        }
        if (expected instanceof JsonArray e && actual instanceof JsonArray a) {
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                Optional<String> inside = firstDifference(e.get(i), a.get(i), pointer + "/" + i);
                if (inside.isPresent()) {
                    return inside;
                }
            }
            return e.size() == a.size() ? Optional.empty()
                    : Optional.of(pointer + " has " + e.size() + " items committed, " + a.size() + " served");
        }
        return expected.equals(actual) ? Optional.empty()
                : Optional.of(pointer + " is committed as " + expected + ", served as " + actual);
    }

    private static TreeSet<String> union(JsonObject a, JsonObject b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    /** A document as the committed copy is written: indented, members in the order served. */
    public static String pretty(JsonValue document) {
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(document);
        }
        return out.toString().strip() + "\n";
    }
}
