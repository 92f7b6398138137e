package org.guitai.platform.openapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Makes the OpenAPI document that Payara Micro serves at {@code /openapi} a valid one that says what
 * the API puts on the wire, for every resource of the server, present and future. Each server names
 * it in its {@code META-INF/microprofile-config.properties} as {@code mp.openapi.filter}, beside the
 * {@code mp.openapi.schema.*} entries that give Java types Payara does not know (UUID, instants,
 * dates) their JSON form. Payara calls it once, after building the document from the code.
 * <ul>
 * <li>Operation ids are unique: resource and method ({@code salesOpen}, see {@link ResourceOperations}).</li>
 * <li>Path templates lose their regular expression and are declared as path parameters.</li>
 * <li>The server is the application's context root, relative to where the document is served,
 *     instead of Payara's guess of this machine's host name and every port it listens on.</li>
 * <li>Payara's own top-level {@code endpoints} member, which OpenAPI does not allow, is dropped.</li>
 * <li>The schemas configured with {@code mp.openapi.schema.*} are written in place, not referenced.</li>
 * <li>Integers are integers of their width ({@link IntegerProperties}), enums are strings, and a
 *     {@code byte[]} (an image, a body passed through) is {@code type: string, format: binary}.</li>
 * <li>Properties are named as JSON-B writes them ({@code @JsonbProperty}, see {@link JsonbNames}).</li>
 * <li>The defaults Payara copies from a {@code @Schema} annotation ({@code maxProperties: 0}, ...) are dropped.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiConventions.class.getName());

    /** Where every Guitai class lives: the WAR's own and those of pos-kernel and pos-platform. */
    private static final String APPLICATION_PACKAGE = "org.guitai";

    private static final String SCHEMA_KEY = "mp.openapi.schema.";
    private static final String SERVERS_KEY = "mp.openapi.servers";
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        ClassLoader loader = OpenApiConventions.class.getClassLoader();
        Config config = ConfigProvider.getConfig(loader);
        ApplicationClasses classes = ApplicationClasses.under(APPLICATION_PACKAGE, loader);
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            nameOperations(api, ResourceOperations.of(classes));
            declarePathTemplates(api);
        }
        if (config.getOptionalValue(SERVERS_KEY, String.class).isEmpty()) {
            serveFromTheContextRoot(api);
        }
        dropPayaraEndpoints(api);
        writeConfiguredSchemasInPlace(api, config);
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            IntegerProperties.correct(api.getComponents().getSchemas(), classes);
            JsonbNames.correct(api.getComponents().getSchemas(), classes);
        }
        for (Schema schema : Schemas.of(api)) {
            withoutAnnotationDefaults(schema);
            enumOfNamesIsString(schema);
            bytesAreBinary(schema);
        }
    }

    private static void nameOperations(OpenAPI api, ResourceOperations operations) {
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                operations.answering(method.name(), path).ifPresentOrElse(
                        answer -> operation.setOperationId(answer.operationId()),
                        () -> LOG.warning(() -> "OpenAPI: no resource method found for " + method + " " + path
                                + ", its operation id stays " + operation.getOperationId()))));
    }

    /** {@code /api/store/{path: .+}} becomes {@code /api/store/{path}} with a declared parameter {@code path} of pattern {@code .+}. */
    private static void declarePathTemplates(OpenAPI api) {
        Map<String, PathItem> items = new LinkedHashMap<>(api.getPaths().getPathItems());
        items.forEach((path, item) -> {
            String plain = ResourceOperations.template(path);
            Map<String, String> expressions = ResourceOperations.expressions(path);
            Matcher template = TEMPLATE.matcher(plain);
            while (template.find()) {
                String name = template.group(1);
                if (!declared(item, name)) {
                    Schema schema = OASFactory.createSchema().type(SchemaType.STRING);
                    Optional.ofNullable(expressions.get(name)).ifPresent(schema::setPattern);
                    item.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true).schema(schema));
                }
            }
            if (!plain.equals(path)) {
                api.getPaths().removePathItem(path);
                api.getPaths().addPathItem(plain, item);
            }
        });
    }

    private static boolean declared(PathItem item, String name) {
        if (isDeclaredIn(item.getParameters(), name)) {
            return true;
        }
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        return !operations.isEmpty() && operations.values().stream().allMatch(o -> isDeclaredIn(o.getParameters(), name));
    }

    private static boolean isDeclaredIn(List<Parameter> parameters, String name) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()));
    }

    private static void serveFromTheContextRoot(OpenAPI api) {
        List<Server> servers = api.getServers();
        if (servers == null || servers.isEmpty()) {
            return;
        }
        Server server = servers.get(0);
        String root = Optional.ofNullable(server.getUrl()).map(OpenApiConventions::pathOf).filter(p -> !p.isEmpty()).orElse("/");
        server.setUrl(root);
        server.setDescription(null);
        api.setServers(new ArrayList<>(List.of(server)));
    }

    private static String pathOf(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getPath()).orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Payara Micro 6 lists the paths of each context root in a top-level {@code endpoints} member,
     * which no OpenAPI version allows (validators refuse the document). It is a field of Payara's
     * model only, not of the MicroProfile one, and an empty one is not written.
     */
    private static void dropPayaraEndpoints(OpenAPI api) {
        try {
            if (api.getClass().getMethod("getEndpoints").invoke(api) instanceof Map<?, ?> endpoints) {
                endpoints.clear();
            }
        } catch (NoSuchMethodException e) {
            // not Payara's model, or a version without the member: nothing to drop
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "OpenAPI: Payara's endpoints member could not be dropped", e);
        }
    }

    /**
     * Payara turns each {@code mp.openapi.schema.<class>} entry into a component named after the class
     * and refers to it; a UUID or an instant reads better, and generates better clients, written in place.
     */
    private static void writeConfiguredSchemasInPlace(OpenAPI api, Config config) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = api.getComponents().getSchemas();
        Set<String> configured = new TreeSet<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(SCHEMA_KEY)) {
                String name = key.substring(Math.max(key.lastIndexOf('.'), key.lastIndexOf('$')) + 1); // Payara's simple name
                Schema alias = components.get(name);
                if (alias != null && (alias.getProperties() == null || alias.getProperties().isEmpty())
                        && alias.getType() != SchemaType.OBJECT && alias.getType() != SchemaType.ARRAY) {
                    configured.add(name);
                }
            }
        }
        if (configured.isEmpty()) {
            return;
        }
        for (Schema schema : Schemas.of(api)) {
            String ref = schema.getRef();
            if (ref != null && ref.startsWith("#/components/schemas/") && configured.contains(ref.substring("#/components/schemas/".length()))) {
                Schema alias = components.get(ref.substring("#/components/schemas/".length()));
                schema.setRef(null);
                schema.setType(alias.getType());
                schema.setFormat(alias.getFormat());
                schema.setPattern(alias.getPattern());
                if (schema.getDescription() == null) {
                    schema.setDescription(alias.getDescription());
                }
            }
        }
        configured.forEach(api.getComponents()::removeSchema);
    }

    /**
     * Payara copies the default of every member of a {@code @Schema} annotation into the schema: noise
     * ({@code nullable: false}, {@code minLength: 0}) and one lie ({@code maxProperties: 0} allows no
     * property at all). None of them is what a class annotated for its name or description means.
     */
    private static void withoutAnnotationDefaults(Schema schema) {
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
    }

    private static void enumOfNamesIsString(Schema schema) {
        if (schema.getType() == null && schema.getRef() == null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()
                && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
            schema.setType(SchemaType.STRING);
        }
    }

    /** Payara writes a {@code byte[]} as an array of nothing; its bytes are a binary string. */
    private static void bytesAreBinary(Schema schema) {
        if (schema.getType() == SchemaType.ARRAY && schema.getItems() == null && schema.getRef() == null) {
            schema.setType(SchemaType.STRING);
            schema.setFormat("binary");
        }
    }
}
