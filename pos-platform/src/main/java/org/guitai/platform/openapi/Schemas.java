package org.guitai.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Every schema of a document, wherever it stands: components, parameters, bodies, answers, and inside each other. */
final class Schemas {

    private Schemas() {
    }

    static List<Schema> of(OpenAPI api) {
        List<Schema> all = new ArrayList<>();
        Consumer<Schema> add = s -> collect(s, all);
        Components components = api.getComponents();
        if (components != null) {
            values(components.getSchemas()).forEach(add);
            values(components.getParameters()).forEach(p -> parameter(p, add));
            values(components.getHeaders()).forEach(h -> header(h, add));
            values(components.getResponses()).forEach(r -> response(r, add));
            values(components.getRequestBodies()).forEach(b -> content(b.getContent(), add));
        }
        if (api.getPaths() != null) {
            for (PathItem item : values(api.getPaths().getPathItems())) {
                list(item.getParameters()).forEach(p -> parameter(p, add));
                for (Operation operation : values(item.getOperations())) {
                    list(operation.getParameters()).forEach(p -> parameter(p, add));
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent(), add);
                    }
                    if (operation.getResponses() != null) {
                        values(operation.getResponses().getAPIResponses()).forEach(r -> response(r, add));
                    }
                }
            }
        }
        return all;
    }

    private static void collect(Schema schema, List<Schema> all) {
        if (schema == null) {
            return;
        }
        all.add(schema);
        values(schema.getProperties()).forEach(s -> collect(s, all));
        collect(schema.getItems(), all);
        collect(schema.getNot(), all);
        collect(schema.getAdditionalPropertiesSchema(), all);
        list(schema.getAllOf()).forEach(s -> collect(s, all));
        list(schema.getAnyOf()).forEach(s -> collect(s, all));
        list(schema.getOneOf()).forEach(s -> collect(s, all));
    }

    private static void parameter(Parameter parameter, Consumer<Schema> add) {
        add.accept(parameter.getSchema());
        content(parameter.getContent(), add);
    }

    private static void header(Header header, Consumer<Schema> add) {
        add.accept(header.getSchema());
        content(header.getContent(), add);
    }

    private static void response(APIResponse response, Consumer<Schema> add) {
        content(response.getContent(), add);
        values(response.getHeaders()).forEach(h -> header(h, add));
    }

    private static void content(Content content, Consumer<Schema> add) {
        if (content != null) {
            for (MediaType media : values(content.getMediaTypes())) {
                add.accept(media.getSchema());
            }
        }
    }

    private static <T> List<T> values(Map<?, T> map) {
        return map == null ? List.of() : map.values().stream().filter(Objects::nonNull).toList();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
