package org.guitai.hq.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.UUID;
import org.guitai.kernel.contract.StoreEvent;
import org.junit.jupiter.api.Test;

class InboxEntryTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private static final Instant OCCURRED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T11:00:00Z");

    @Test
    void anEntryKeepsWhenTheStoreSaysItHappenedAndWhenHqGotIt() {
        InboxEntry entry = InboxEntry.received("S001", StoreEvent.ofType(EVENT, "StockCounted", OCCURRED, null), NOW);
        assertEquals(new InboxEntry.Key("S001", EVENT.toString()), entry.key());
        assertEquals("StockCounted", entry.type());
        assertEquals(OCCURRED, entry.occurredAt());
        assertEquals(NOW, entry.receivedAt(), "three hours late: HQ was down, and the entry says so");
    }

    @Test
    void anEventIdIsTheStoresOwnSoTheSameIdFromAnotherStoreIsAnotherEntry() {
        assertEquals(new InboxEntry.Key("S001", EVENT.toString()), new InboxEntry.Key("S001", EVENT.toString()));
        assertNotEquals(new InboxEntry.Key("S001", EVENT.toString()), new InboxEntry.Key("S002", EVENT.toString()));
        StoreEvent event = StoreEvent.ofType(EVENT, StoreEvent.SALE_COMPLETED, OCCURRED, null);
        assertNotEquals(InboxEntry.received("S001", event, NOW).key(), InboxEntry.received("S002", event, NOW).key());
    }
}
