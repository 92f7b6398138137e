package org.guitai.store.sync.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.sync.domain.OutboxEvent;
import org.guitai.store.sync.service.Outbox;
import org.guitai.store.sync.service.OutboxRelay;

/**
 * The store manager's view of the way to HQ: what waits in line and since when, how HQ answered
 * lately, the dead letters HQ refused with its reasons, and putting them back in line once HQ is fixed.
 */
@Path("sync/outbox")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class OutboxResource {

    /** Dead letters shown in the status; the rest are paged through {@code dead-letters?limit=}. */
    private static final int SHOWN = 50;
    private static final int MAX_LIMIT = 1000;

    public record OutboxView(long pending, String oldestPendingAt, Long oldestPendingAgeSeconds, long deadLetterCount,
                             RelayView relay, List<EventView> deadLetters) {
    }

    public record RelayView(String hq, int consecutiveFailures, String lastFailure, String lastFailureAt, String lastDeliveryAt,
                            String nextAttemptAt) {

        static RelayView of(OutboxRelay.Health h) {
            return new RelayView(h.hq().map(Object::toString).orElse(null), h.consecutiveFailures(), h.lastFailure().orElse(null),
                    text(h.lastFailureAt()), text(h.lastDeliveryAt()), text(h.nextAttemptAt()));
        }
    }

    /** One event; {@code reason} is HQ's last refusal, also after a requeue, as history. */
    public record EventView(String id, String type, String state, String createdAt, int attempts, String lastAttemptAt,
                            String lastError, String deadAt, String reason, int timesDeadLettered, String requeuedAt, String requeuedBy,
                            String deliveredAt) {

        static EventView of(OutboxEvent e) {
            return new EventView(e.id(), e.type(), e.state().name(), e.createdAt().toString(), e.attempts(), text(e.lastAttemptAt()),
                    e.lastError().orElse(null), text(e.deadAt()), e.deadReason().orElse(null), e.deadCount(), text(e.requeuedAt()),
                    e.requeuedBy().orElse(null), text(e.deliveredAt()));
        }
    }

    public record RequeuedView(int requeued, long deadLetterCount) {
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @GET
    public OutboxView status() {
        Outbox.Status status = outbox.status(caller.get());
        Instant now = clock.instant();
        return new OutboxView(status.pending(), text(status.oldestPendingAt()),
                status.oldestPendingAt().map(at -> Math.max(0, Duration.between(at, now).toSeconds())).orElse(null),
                status.deadLetters(), RelayView.of(relay.health()), outbox.deadLetters(SHOWN, caller.get()).stream().map(EventView::of).toList());
    }

    @GET
    @Path("dead-letters")
    public List<EventView> deadLetters(@QueryParam("limit") String limit) {
        return outbox.deadLetters(limit(limit), caller.get()).stream().map(EventView::of).toList();
    }

    @GET
    @Path("events/{id}")
    public EventView event(@PathParam("id") String id) {
        return EventView.of(outbox.get(id, caller.get()));
    }

    /** Puts one dead letter back in line, at its old place; HQ gets it with the next delivery. */
    @POST
    @Path("dead-letters/{id}/retry")
    public EventView retry(@PathParam("id") String id) {
        return EventView.of(outbox.requeue(id, caller.get()));
    }

    /** Puts the oldest dead letters back in line, up to {@code limit} (default and most 1000) per call. */
    @POST
    @Path("dead-letters/retry")
    public RequeuedView retryAll(@QueryParam("limit") String limit) {
        Outbox.Requeued requeued = outbox.requeueAll(caller.get(), limit(limit));
        return new RequeuedView(requeued.requeued(), requeued.left());
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit '" + value + "' is not a number from 1 to " + MAX_LIMIT);
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
