package org.guitai.store;

import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
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
@SecurityScheme(securitySchemeName = "terminal", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "Guitai-Signature",
        description = "A terminal's request signed with its enrolled Ed25519 key (PUT /api/terminals/{terminalId}/key), taken only where an"
                + " operation names this scheme: headers Guitai-Terminal (its id), Guitai-Timestamp (an ISO-8601 instant within 10 minutes of"
                + " the store's clock) and Guitai-Signature, base64 of the Ed25519 signature over the UTF-8 bytes of METHOD, the path from"
                + " /api/ with its query as sent, and the timestamp, each followed by a newline, then the raw body")
public class StoreApplication extends ApiApplication {
}
