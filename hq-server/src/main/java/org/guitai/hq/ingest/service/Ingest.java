package org.guitai.hq.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
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
        return applyEach(storeId, batch.events(), event -> inbox.apply(storeId, event), event -> inbox.recorded(storeId, event.id().toString()));
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
     * An event that lost a race on a unique key counts as held when another delivery recorded it
     * (its inbox entry is there now); else its sale or return, or a line of it, is recorded already under
     * another event, and it is refused: sending it again cannot help.
     * Any other failure is not the event's fault: it fails the whole batch, which the store sends again.
     */
    static BatchReceipt applyEach(String storeId, List<StoreEvent> events, Function<StoreEvent, InboxWriter.Outcome> apply,
                                  Predicate<StoreEvent> recorded) {
        List<UUID> accepted = new ArrayList<>();
        List<BatchReceipt.Rejection> rejected = new ArrayList<>();
        for (StoreEvent event : events) {
            if (event == null || event.id() == null) {
                continue;
            }
            try {
                apply.apply(event);
                accepted.add(event.id());
            } catch (UnreadableEventException e) {
                LOG.warning(() -> "store " + storeId + " event " + event.id() + " rejected: " + e.getMessage());
                rejected.add(new BatchReceipt.Rejection(event.id(), e.getMessage()));
            } catch (RuntimeException e) {
                if (!DuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                if (recorded.test(event)) {
                    accepted.add(event.id());
                } else {
                    String reason = "its sale or return, or a line of it, is recorded at HQ already under another event";
                    LOG.warning(() -> "store " + storeId + " event " + event.id() + " rejected: " + reason);
                    rejected.add(new BatchReceipt.Rejection(event.id(), reason));
                }
            }
        }
        return new BatchReceipt(accepted, rejected);
    }
}
