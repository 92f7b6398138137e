package org.guitai.platform.rest;

import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application of every server, which each names with its {@code @ApplicationPath} and
 * its OpenAPI description. Its resources are stateless {@code @ApplicationScoped} beans, created
 * once: what belongs to one request reaches them as {@code @Context} parameters, and the caller
 * through {@code CurrentCaller}, which keeps it with the request (Weld creating a request-scoped
 * resource for every call cost about 5 % of the store's CPU per request).
 */
public abstract class ApiApplication extends Application {

    /**
     * The resources are CDI beans, so Hibernate Validator's CDI interceptor already checks their
     * constrained parameters (the problem mapping answers 400); Jersey checking them a second time
     * cost about 5 % of a server's CPU per request.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}
