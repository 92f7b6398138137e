package org.guitai.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks StoreApiIT makes of the served document can fail: they see what Payara got wrong before. */
class OpenApiDocumentsTest {

    private static final String PAYARAS_FAULTS = """
            {"openapi": "3.0.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/a/{id}": {"get": {"operationId": "get", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                          "responses": {"default": {"description": "d", "content": {"image/png": {"schema": {"type": "array"}}}}}}},
               "/b": {"get": {"operationId": "get", "responses": {"default": {"description": "d"}}}}},
             "endpoints": {"/": ["/a/{id}", "/b"]}}
            """;

    @Test
    void theValidatorRefusesWhatPayaraServedBefore() {
        List<String> errors = OpenApiDocuments.validationErrors(PAYARAS_FAULTS);
        assertTrue(errors.contains("attribute endpoints is unexpected"), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("operationId is repeated")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("items is missing")), errors::toString);
        assertEquals(List.of(), OpenApiDocuments.validationErrors(PAYARAS_FAULTS.replace("\"get\", \"res", "\"getB\", \"res")
                .replace("{\"type\": \"array\"}", "{\"type\": \"string\", \"format\": \"binary\"}")
                .replace(",\n \"endpoints\": {\"/\": [\"/a/{id}\", \"/b\"]}", "")));
    }

    @Test
    void documentsDifferInMeaningNotInTheOrderOfMembers() {
        assertEquals(Optional.empty(), OpenApiDocuments.firstDifference(json("{\"a\":1,\"b\":[1,2]}"), json("{\"b\":[1,2],\"a\":1}")));
        assertEquals(Optional.of("/b/1 is committed as 2, served as 3"),
                OpenApiDocuments.firstDifference(json("{\"a\":1,\"b\":[1,2]}"), json("{\"a\":1,\"b\":[1,3]}")));
        assertEquals(Optional.of("/paths/~1api~1sales is served but not committed: {}"),
                OpenApiDocuments.firstDifference(json("{\"paths\":{}}"), json("{\"paths\":{\"/api/sales\":{}}}")));
        assertEquals(Optional.of("/b has 2 items committed, 1 served"),
                OpenApiDocuments.firstDifference(json("{\"b\":[1,2]}"), json("{\"b\":[1]}")));
        assertEquals(Optional.empty(), OpenApiDocuments.firstDifference(json(PAYARAS_FAULTS),
                json(OpenApiDocuments.pretty(json(PAYARAS_FAULTS)))), "the committed copy is written as it is read");
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
