package org.guitai.hq.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A store event HQ has applied; its key is (store, event id). */
@Entity
@Table(name = "inbox")
@IdClass(InboxEntry.Key.class)
public class InboxEntry {

    public record Key(String storeId, String eventId) implements Serializable {
    }

    @Id
    @Column(name = "store_id")
    private String storeId;

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "type")
    private String type;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    protected InboxEntry() {
    }

    public InboxEntry(String storeId, String eventId, String type, Instant occurredAt, Instant receivedAt) {
        this.storeId = storeId;
        this.eventId = eventId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
    }
}
