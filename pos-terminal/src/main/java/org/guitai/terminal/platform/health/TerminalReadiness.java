package org.guitai.terminal.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.guitai.terminal.platform.config.TerminalSettings;

/** Ready once deployed with valid settings; a terminal stays ready to serve its page while the store is away. */
@Readiness
@ApplicationScoped
public class TerminalReadiness implements HealthCheck {

    @Inject
    TerminalSettings settings;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("terminal").up()
                .withData("terminalId", settings.terminalId())
                .withData("store", settings.storeUrl().toString())
                .build();
    }
}
