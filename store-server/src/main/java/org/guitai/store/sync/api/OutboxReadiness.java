package org.guitai.store.sync.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.guitai.store.sync.service.Outbox;
import org.guitai.store.sync.service.OutboxRelay;

/**
 * Shows the outbox beside the store's readiness, and is always UP: the counter keeps selling
 * while HQ is away or refuses events, so neither a backlog nor dead letters make the store unready.
 * It glances (counts stop at a thousand): health is asked often, also while HQ has been away for hours.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up();
        try {
            Outbox.Status status = outbox.glance();
            response.withData("pending", status.pending()).withData("deadLetters", status.deadLetters());
            if (status.pending() >= Outbox.GLANCE_LIMIT || status.deadLetters() >= Outbox.GLANCE_LIMIT) {
                response.withData("countedUpTo", Outbox.GLANCE_LIMIT);
            }
            status.oldestPendingAt().ifPresent(at ->
                    response.withData("oldestPendingAgeSeconds", Math.max(0, Duration.between(at, clock.instant()).toSeconds())));
            response.withData("hqConsecutiveFailures", relay.health().consecutiveFailures());
        } catch (RuntimeException e) {
            // the database check reports the database; this one only informs
            response.withData("error", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
