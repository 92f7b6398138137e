package org.guitai.terminal.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive as long as the application is deployed and answering; a failed deployment reports DOWN.
 * The store being away does not make a terminal dead: it keeps serving its page.
 */
@Liveness
@ApplicationScoped
public class TerminalLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("pos-terminal");
    }
}
