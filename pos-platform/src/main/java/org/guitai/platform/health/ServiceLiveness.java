package org.guitai.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive as long as the application is deployed and answering, named after the server
 * ({@code guitai.component}); a failed deployment reports DOWN. A dependency being away (the
 * database, the store behind a terminal) does not make a server dead: readiness says that.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "guitai.component")
    String component;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(component);
    }
}
