package org.guitai.store.sync.service;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Posts outbox events to HQ in order, in batches, until HQ acknowledges each id. It runs right
 * after a commit that recorded an event, and on a fixed delay to catch up after HQ or the network
 * was down (backing off up to a minute). One delivery runs at a time. An event is marked delivered
 * only after HQ answered with its id, so a crash in between means a redelivery, which HQ's inbox ignores.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

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
    private volatile ScheduledFuture<?> schedule;
    private volatile Instant quietUntil = Instant.EPOCH;
    private volatile int consecutiveFailures;

    public void start() {
        Optional<java.net.URI> hqUrl = settings.hqUrl();
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
        schedule = scheduler.scheduleWithFixedDelay(this::deliverWhenDue, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "relaying outbox events to " + hqUrl.get() + " every " + interval + " ms");
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.EventRecorded event) {
        if (hq != null) {
            scheduler.execute(this::deliverNow);
        }
    }

    private void deliverWhenDue() {
        if (clock.instant().isAfter(quietUntil)) {
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
            consecutiveFailures++;
            Duration backoff = Duration.ofSeconds(Math.min(1L << Math.min(consecutiveFailures, 6), MAX_BACKOFF.toSeconds()));
            quietUntil = clock.instant().plus(backoff);
            LOG.log(Level.WARNING, "HQ did not take the outbox (attempt " + consecutiveFailures + ", next in " + backoff.toSeconds() + " s): " + e);
        } finally {
            delivering.set(false);
        }
    }

    /** Delivers batch after batch until the outbox is empty or HQ fails. */
    private void deliverPending() {
        String authorization = "Bearer " + settings.hqCredential().orElseThrow();
        while (true) {
            List<StoreEvent> batch = outbox.pending(settings.outboxBatchSize());
            if (batch.isEmpty()) {
                return;
            }
            BatchReceipt receipt;
            try {
                receipt = hq.deliver(settings.storeId(), authorization, new EventBatch(settings.storeId(), batch));
            } catch (RuntimeException e) {
                Map<String, String> errors = new LinkedHashMap<>();
                batch.forEach(ev -> errors.put(ev.id().toString(), String.valueOf(e.getMessage())));
                outbox.markFailed(errors);
                throw e;
            }
            outbox.markDelivered(receipt.accepted().stream().map(Object::toString).toList());
            Map<String, String> rejected = new LinkedHashMap<>();
            receipt.rejected().forEach(r -> rejected.put(r.id().toString(), "rejected by HQ: " + r.reason()));
            outbox.markFailed(rejected);
            if (!rejected.isEmpty() || batch.size() < settings.outboxBatchSize()) {
                return;
            }
        }
    }
}
