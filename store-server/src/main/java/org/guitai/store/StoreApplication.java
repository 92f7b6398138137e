package org.guitai.store;

import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.guitai.platform.rest.ApiApplication;

/** The store's API, under {@code /api}: the counter flow every terminal drives. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Guitai store server", version = "1",
                description = "The counter flow of one store: staff sessions, catalog, sales, tenders, outbox to HQ."),
        security = @SecurityRequirement(name = "staff"))
@SecurityScheme(securitySchemeName = "staff", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token of POST /api/sessions")
public class StoreApplication extends ApiApplication {
}
