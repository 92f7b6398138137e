package org.guitai.store.sync.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event waiting for HQ, or delivered; the payload is the JSON of a kernel {@code StoreEvent}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    private Long seq;

    @Column(name = "id")
    private String id;

    @Column(name = "type")
    private String type;

    @Column(name = "payload")
    private String payload;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "attempts")
    private int attempts;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxEvent() {
    }

    public OutboxEvent(String id, String type, String payload, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public void delivered(Instant now) {
        attempts++;
        lastAttemptAt = now;
        deliveredAt = now;
        lastError = null;
    }

    public void failed(String error, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }
}
