package org.guitai.platform.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which resource method answers each operation of an application's API, and the operation id that
 * names it: the resource class's name without {@code Resource}, then the method's name
 * ({@code SalesResource.open} is {@code salesOpen}, {@code SaleInvoicesResource.list} is
 * {@code saleInvoicesList}). Method names repeat across resources ({@code get}, {@code list}); a
 * class and one of its methods do not, and they name an operation the same way in every build. An
 * operation id given with {@code @Operation(operationId = ...)} is kept as written.
 */
final class ResourceOperations {

    /** The method of a root resource class that answers one HTTP method at one path. */
    record Answer(Class<?> resource, Method method) {

        String operationId() {
            Operation operation = method.getAnnotation(Operation.class);
            if (operation != null && !operation.operationId().isBlank()) {
                return operation.operationId();
            }
            String noun = resource.getSimpleName();
            if (noun.endsWith("Resource") && noun.length() > "Resource".length()) {
                noun = noun.substring(0, noun.length() - "Resource".length());
            }
            return Character.toLowerCase(noun.charAt(0)) + noun.substring(1)
                    + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
        }
    }

    private final Map<String, Answer> byOperation;

    private ResourceOperations(Map<String, Answer> byOperation) {
        this.byOperation = byOperation;
    }

    static ResourceOperations of(ApplicationClasses classes) {
        List<String> roots = classes.all().stream()
                .filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                .map(c -> c.getAnnotation(ApplicationPath.class).value())
                .toList();
        String root = roots.size() == 1 ? roots.get(0) : "";
        Map<String, Answer> byOperation = new LinkedHashMap<>();
        for (Class<?> resource : classes.all()) {
            if (!resource.isAnnotationPresent(Path.class) || resource.isInterface() || Modifier.isAbstract(resource.getModifiers())) {
                continue;
            }
            String resourcePath = root + "/" + resource.getAnnotation(Path.class).value();
            Method[] methods;
            try {
                methods = resource.getMethods();
            } catch (LinkageError e) {
                continue;
            }
            for (Method method : methods) {
                httpMethod(method).ifPresent(http -> {
                    Path path = method.getAnnotation(Path.class);
                    String template = template(path == null ? resourcePath : resourcePath + "/" + path.value());
                    byOperation.putIfAbsent(http + " " + template, new Answer(resource, method));
                });
            }
        }
        return new ResourceOperations(byOperation);
    }

    /** The method that answers {@code httpMethod} (GET, POST, ...) at {@code path}, a path of the document. */
    Optional<Answer> answering(String httpMethod, String path) {
        return Optional.ofNullable(byOperation.get(httpMethod.toUpperCase(java.util.Locale.ROOT) + " " + template(path)));
    }

    /**
     * A path as one string to compare: one slash between segments, none at the end, and every
     * template without its regular expression ({@code /api/store/{path: .+}} is {@code /api/store/{path}}).
     */
    static String template(String path) {
        StringBuilder out = new StringBuilder("/");
        int depth = 0;
        boolean inExpression = false;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inExpression = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inExpression = true;
                continue;
            }
            if (inExpression || (depth > 0 && Character.isWhitespace(c)) || (c == '/' && out.charAt(out.length() - 1) == '/')) {
                continue;
            }
            out.append(c);
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** The regular expression of each template of a path that has one ({@code path} to {@code .+}). */
    static Map<String, String> expressions(String path) {
        Map<String, String> expressions = new HashMap<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '{' && depth++ == 0) {
                start = i + 1;
            } else if (c == '}' && --depth == 0) {
                String inside = path.substring(start, i);
                int colon = inside.indexOf(':');
                if (colon > 0) {
                    expressions.put(inside.substring(0, colon).trim(), inside.substring(colon + 1).trim());
                }
            }
        }
        return expressions;
    }

    private static Optional<String> httpMethod(Method method) {
        if (method.isBridge() || method.isSynthetic()) {
            return Optional.empty();
        }
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }
}
