package org.guitai.platform.openapi;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * JSON-B writes a Java {@code long} or {@code int} as a JSON integer ({@code "slipNumber":42}); Payara's
 * schema calls a {@code long} or a {@code short} a {@code number} and gives no integer a width. Each
 * property of a component schema whose Java type is an integral primitive or its box is published as
 * {@code type: integer} with format {@code int64} ({@code long}) or {@code int32} ({@code int},
 * {@code short}, {@code byte}), also as the items of a list or an array of them. The Java type is that
 * of the record component or field of the property's name in the classes the schema is named after;
 * when such classes disagree, the property is left as it is.
 */
final class IntegerProperties {

    private IntegerProperties() {
    }

    static void correct(Map<String, Schema> components, ApplicationClasses classes) {
        Map<String, List<Class<?>>> bySchemaName = new HashMap<>();
        for (Class<?> c : classes.all()) {
            if (!c.isAnnotation() && !c.isInterface() && !c.isEnum()) {
                bySchemaName.computeIfAbsent(schemaName(c), n -> new ArrayList<>()).add(c);
            }
        }
        components.forEach((name, schema) -> {
            List<Class<?>> sources = bySchemaName.getOrDefault(name, List.of());
            if (sources.isEmpty() || schema.getProperties() == null) {
                return;
            }
            schema.getProperties().forEach((property, propertySchema) -> agreedType(sources, property)
                    .ifPresent(type -> widen(propertySchema, type)));
        });
    }

    private static void widen(Schema schema, Type type) {
        if (schema.getRef() != null) {
            return;
        }
        if (schema.getType() == SchemaType.ARRAY && schema.getItems() != null) {
            elementType(type).ifPresent(element -> widen(schema.getItems(), element));
            return;
        }
        if ((schema.getType() == SchemaType.NUMBER || schema.getType() == SchemaType.INTEGER) && schema.getFormat() == null) {
            format(type).ifPresent(format -> {
                schema.setType(SchemaType.INTEGER);
                schema.setFormat(format);
            });
        }
    }

    private static Optional<String> format(Type type) {
        if (type == long.class || type == Long.class) {
            return Optional.of("int64");
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return Optional.of("int32");
        }
        return Optional.empty();
    }

    private static Optional<Type> elementType(Type type) {
        if (type instanceof Class<?> c && c.isArray()) {
            return Optional.of(c.getComponentType());
        }
        if (type instanceof GenericArrayType a) {
            return Optional.of(a.getGenericComponentType());
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Iterable.class.isAssignableFrom(raw) && p.getActualTypeArguments().length == 1) {
            return Optional.of(p.getActualTypeArguments()[0]);
        }
        return Optional.empty();
    }

    /** The Java type of a property when every class named like the schema that has it agrees on it. */
    private static Optional<Type> agreedType(List<Class<?>> sources, String property) {
        List<Type> types = sources.stream().map(c -> propertyType(c, property)).flatMap(Optional::stream).distinct().toList();
        return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
    }

    private static Optional<Type> propertyType(Class<?> c, String property) {
        try {
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    if (component.getName().equals(property)) {
                        return Optional.of(component.getGenericType());
                    }
                }
                return Optional.empty();
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                try {
                    return Optional.of(k.getDeclaredField(property).getGenericType());
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
        } catch (LinkageError e) {
            // a class whose members need what this application does not have is no schema of it
        }
        return Optional.empty();
    }

    /** The name Payara gives the schema of a class: {@code @Schema(name = ...)}, else the simple name. */
    static String schemaName(Class<?> c) {
        org.eclipse.microprofile.openapi.annotations.media.Schema schema =
                c.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (schema != null && !schema.name().isBlank()) {
            return schema.name();
        }
        return c.getSimpleName();
    }
}
