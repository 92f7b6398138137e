package org.guitai.platform.openapi;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Properties are named as JSON-B writes them: a field or record component annotated
 * {@code @JsonbProperty("float")} is {@code float} in its class's schema (a name Java cannot give
 * it), where Payara writes the Java name. Payara's own renaming, {@code @Schema(name = ...)} on a
 * member, replaces the whole schema of the class with that one property, so it is not used.
 */
final class JsonbNames {

    private JsonbNames() {
    }

    static void correct(Map<String, Schema> components, ApplicationClasses classes) {
        for (Class<?> c : classes.all()) {
            if (c.isAnnotation() || c.isInterface() || c.isEnum()) {
                continue;
            }
            Schema schema = components.get(IntegerProperties.schemaName(c));
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            Map<String, String> renamed = new LinkedHashMap<>();
            try {
                for (Field field : c.getDeclaredFields()) {
                    JsonbProperty property = field.getAnnotation(JsonbProperty.class);
                    if (property != null && !property.value().isBlank() && schema.getProperties().containsKey(field.getName())) {
                        renamed.put(field.getName(), property.value());
                    }
                }
            } catch (LinkageError e) {
                continue; // a class whose members need what this application does not have is no schema of it
            }
            if (renamed.isEmpty()) {
                continue;
            }
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> properties.put(renamed.getOrDefault(name, name), property));
            schema.setProperties(properties);
            if (schema.getRequired() != null) {
                schema.setRequired(schema.getRequired().stream().map(n -> renamed.getOrDefault(n, n)).toList());
            }
        }
    }
}
