package org.guitai.hq;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Guitai HQ server", version = "1",
        description = "Headquarters: the idempotent inbox of every store's events and the chain's reports."))
@SecurityScheme(securitySchemeName = "hq-staff", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token of POST /api/sessions")
@SecurityScheme(securitySchemeName = "store", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A store's credential, for posting its events")
public class HqApplication extends Application {

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
