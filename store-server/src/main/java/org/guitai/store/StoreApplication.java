package org.guitai.store;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The store's API. Its resources are stateless {@code @ApplicationScoped} beans, created once: what
 * belongs to one request reaches them as {@code @Context} parameters, and the caller through
 * {@code CurrentCaller}, which keeps it with the request. Weld creating a request-scoped resource
 * for every call cost about 5 % of the store's CPU per request.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Guitai store server", version = "1",
                description = "The counter flow of one store: staff sessions, catalog, sales, tenders, outbox to HQ."),
        security = @SecurityRequirement(name = "staff"))
@SecurityScheme(securitySchemeName = "staff", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token of POST /api/sessions")
public class StoreApplication extends Application {

    /**
     * The resources are CDI beans, so Hibernate Validator's CDI interceptor already checks their
     * constrained parameters (ConstraintViolationMapper answers 400); Jersey checking them a second
     * time cost about 5 % of the server's CPU per request.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}
