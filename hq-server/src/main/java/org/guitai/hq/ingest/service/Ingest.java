package org.guitai.hq.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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
        if (batch.storeId() != null && !batch.storeId().equals(storeId)) {
            throw new InvalidRequestException("the batch is from store " + batch.storeId() + " but was posted for " + storeId);
        }
        List<java.util.UUID> accepted = new ArrayList<>();
        List<BatchReceipt.Rejection> rejected = new ArrayList<>();
        for (StoreEvent event : batch.events()) {
            if (event == null || event.id() == null) {
                continue;
            }
            try {
                DuplicateKeys.createOrExisting(() -> inbox.apply(storeId, event), () -> InboxWriter.Outcome.ALREADY_RECORDED);
                accepted.add(event.id());
            } catch (UnreadableEventException e) {
                LOG.warning(() -> "store " + storeId + " event " + event.id() + " rejected: " + e.getMessage());
                rejected.add(new BatchReceipt.Rejection(event.id(), e.getMessage()));
            }
        }
        return new BatchReceipt(accepted, rejected);
    }
}
