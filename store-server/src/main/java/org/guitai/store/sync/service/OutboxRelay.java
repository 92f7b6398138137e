package org.guitai.store.sync.service;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.guitai.kernel.contract.BatchReceipt;
import org.guitai.kernel.contract.EventBatch;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sync.domain.Backoff;
import org.guitai.store.sync.domain.BatchOutcome;

/**
 * Posts outbox events to HQ in order, in batches, until HQ acknowledges each id. It runs right
 * after a commit that recorded an event, and on a fixed delay to catch up after HQ or the network
 * was down. One delivery runs at a time. An event is marked delivered only after HQ answered with
 * its id, so a crash in between means a redelivery, which HQ's inbox ignores.
 * <p>
 * Two kinds of failure are kept apart. When HQ cannot be reached or fails (down, 5xx, timeouts,
 * any refusal of the whole batch) the events stay in line and the relay backs off ({@link Backoff}).
 * When HQ answers but refuses an event, that event becomes a dead letter: kept with HQ's reason,
 * no longer sent, so it cannot hold back the events behind it, until a manager requeues it.
 */
@ApplicationScoped
public class OutboxRelay {

    /** What the relay last saw of HQ, for the store manager. */
    public record Health(Optional<URI> hq, int consecutiveFailures, Optional<String> lastFailure, Optional<Instant> lastFailureAt,
                         Optional<Instant> lastDeliveryAt, Optional<Instant> nextAttemptAt) {
    }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Outbox outbox;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile HqEvents hq;
    private volatile Backoff backoff;
    private volatile ScheduledFuture<?> schedule;
    private volatile Instant quietUntil = Instant.EPOCH;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;
    private volatile Instant lastDeliveryAt;

    public void start() {
        Optional<URI> hqUrl = settings.hqUrl();
        if (hqUrl.isEmpty()) {
            LOG.warning("guitai.hq.url is not set: events stay in the outbox until it is");
            return;
        }
        hq = RestClientBuilder.newBuilder()
                .baseUri(hqUrl.get())
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS)
                .build(HqEvents.class);
        long interval = settings.outboxInterval().toMillis();
        backoff = new Backoff(settings.outboxInterval());
        schedule = scheduler.scheduleWithFixedDelay(this::deliverWhenDue, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "relaying outbox events to " + hqUrl.get() + " every " + interval + " ms");
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    public Health health() {
        Instant next = quietUntil;
        return new Health(settings.hqUrl(), consecutiveFailures, Optional.ofNullable(lastFailure), Optional.ofNullable(lastFailureAt),
                Optional.ofNullable(lastDeliveryAt), next.isAfter(clock.instant()) ? Optional.of(next) : Optional.empty());
    }

    /** A sale's event is delivered right after its commit, unless HQ was failing: then the backoff decides. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.EventRecorded event) {
        if (hq != null) {
            scheduler.execute(this::deliverWhenDue);
        }
    }

    /** A manager requeued dead letters because HQ is fixed: worth one attempt now, whatever the backoff. */
    void onRequeued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.EventsRequeued event) {
        if (hq != null) {
            scheduler.execute(this::deliverNow);
        }
    }

    private void deliverWhenDue() {
        if (!clock.instant().isBefore(quietUntil)) {
            deliverNow();
        }
    }

    private void deliverNow() {
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            deliverPending();
            consecutiveFailures = 0;
            quietUntil = Instant.EPOCH;
        } catch (RuntimeException e) {
            int failures = ++consecutiveFailures;
            Duration wait = backoff.after(failures);
            quietUntil = clock.instant().plus(wait);
            lastFailure = String.valueOf(e);
            lastFailureAt = clock.instant();
            LOG.log(Level.WARNING, "HQ did not take the outbox (attempt " + failures + ", next in " + wait.toMillis() + " ms): " + e);
        } finally {
            delivering.set(false);
        }
    }

    /** Delivers batch after batch until the line is empty or HQ fails. */
    private void deliverPending() {
        String authorization = "Bearer " + settings.hqCredential().orElseThrow();
        while (true) {
            Outbox.Batch batch = outbox.nextInLine(settings.outboxBatchSize());
            if (!batch.events().isEmpty()) {
                List<UUID> sent = batch.events().stream().map(StoreEvent::id).toList();
                BatchReceipt receipt;
                try {
                    receipt = hq.deliver(settings.storeId(), authorization, new EventBatch(settings.storeId(), batch.events()));
                } catch (RuntimeException e) {
                    Map<String, String> errors = new LinkedHashMap<>();
                    sent.forEach(id -> errors.put(id.toString(), String.valueOf(e.getMessage())));
                    outbox.markFailed(errors);
                    throw e;
                }
                if (receipt == null) {
                    throw new IllegalStateException("HQ answered the batch without a receipt");
                }
                BatchOutcome outcome = BatchOutcome.of(sent, receipt);
                outbox.markDelivered(outcome.delivered());
                outbox.setAside(outcome.refused());
                lastDeliveryAt = clock.instant();
                outcome.refused().entrySet().stream().findFirst().ifPresent(first -> LOG.warning(() -> "HQ refused "
                        + outcome.refused().size() + " outbox event(s), kept as dead letters; " + first.getKey() + ": " + first.getValue()));
            }
            // every event read left the line (delivered, or set aside), so this loop ends
            if (!batch.more()) {
                return;
            }
        }
    }
}
