package org.guitai.hq;

import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.guitai.platform.rest.ApiApplication;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Guitai HQ server", version = "1",
        description = "Headquarters: the idempotent inbox of every store's events and the chain's reports."))
@SecurityScheme(securitySchemeName = "hq-staff", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token of POST /api/sessions")
@SecurityScheme(securitySchemeName = "store", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A store's credential, for posting its events")
public class HqApplication extends ApiApplication {
}
