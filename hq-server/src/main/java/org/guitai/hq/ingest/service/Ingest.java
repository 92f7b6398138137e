package org.guitai.hq.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import org.guitai.hq.ingest.domain.UnreadableEventException;
import org.guitai.hq.store.service.ChainStores;
import org.guitai.kernel.contract.BatchReceipt;
import org.guitai.kernel.contract.EventBatch;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.platform.persistence.DuplicateKeys;
import org.guitai.platform.problem.InvalidRequestException;

/**
 * Takes a store's batch: checks the store's credential, then applies each event on its own, so one
 * unreadable event does not hold back the others. Every id HQ now holds is acknowledged, including
 * redeliveries and the loser of two concurrent deliveries of one event.
 */
@ApplicationScoped
public class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class.getName());

    @Inject
    ChainStores stores;

    @Inject
    InboxWriter inbox;

    public BatchReceipt receive(String storeId, String credential, EventBatch batch) {
        stores.authenticate(storeId, credential);
        requirePostedFor(storeId, batch);
        return applyEach(storeId, batch.events(), event -> inbox.apply(storeId, event));
    }

    /** A batch that names its store must be posted for that store; one that names none is taken as the caller's. */
    static void requirePostedFor(String storeId, EventBatch batch) {
        if (batch.storeId() != null && !batch.storeId().equals(storeId)) {
            throw new InvalidRequestException("the batch is from store " + batch.storeId() + " but was posted for " + storeId);
        }
    }

    /**
     * Applies the events one by one, in order, and says which HQ now holds and which it cannot read.
     * An event without an id is skipped: without one it can be neither acknowledged nor recognised again.
     * Losing a race on the inbox key means another delivery recorded the event, so it counts as held.
     * Any other failure is not the event's fault: it fails the whole batch, which the store sends again.
     */
    static BatchReceipt applyEach(String storeId, List<StoreEvent> events, Function<StoreEvent, InboxWriter.Outcome> apply) {
        List<UUID> accepted = new ArrayList<>();
        List<BatchReceipt.Rejection> rejected = new ArrayList<>();
        for (StoreEvent event : events) {
            if (event == null || event.id() == null) {
                continue;
            }
            try {
                DuplicateKeys.createOrExisting(() -> apply.apply(event), () -> InboxWriter.Outcome.ALREADY_RECORDED);
                accepted.add(event.id());
            } catch (UnreadableEventException e) {
                LOG.warning(() -> "store " + storeId + " event " + event.id() + " rejected: " + e.getMessage());
                rejected.add(new BatchReceipt.Rejection(event.id(), e.getMessage()));
            }
        }
        return new BatchReceipt(accepted, rejected);
    }
}
