package org.guitai.store.sync.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.guitai.platform.persistence.Keyed;

/**
 * One event for HQ; the payload is the JSON of a kernel {@code StoreEvent}. It is pending until HQ
 * acknowledges it (delivered), or until HQ refuses it: then it becomes a dead letter, kept with
 * HQ's reason but left out of the normal batches, until a manager puts it back in line. A
 * transient failure (HQ down) only counts an attempt: the event stays pending.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends Keyed {

    /** Where an event stands. */
    public enum State {
        PENDING,
        DELIVERED,
        DEAD_LETTER
    }

    private static final int TEXT_LENGTH = 500;

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

    @Column(name = "dead_at")
    private Instant deadAt;

    @Column(name = "dead_reason")
    private String deadReason;

    @Column(name = "dead_count")
    private int deadCount;

    @Column(name = "requeued_at")
    private Instant requeuedAt;

    @Column(name = "requeued_by")
    private String requeuedBy;

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

    /** HQ could not be reached or failed: the event stays in line for the next attempt. */
    public void failed(String error, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastError = clip(error);
    }

    /** HQ refused the event (or the store cannot read it): set aside, so it no longer holds back the events behind it. */
    public void setAside(String reason, Instant now) {
        if (isDelivered()) {
            return;
        }
        attempts++;
        lastAttemptAt = now;
        lastError = clip(reason);
        deadAt = now;
        deadReason = clip(reason);
        deadCount++;
    }

    /**
     * A manager puts a dead letter back in line, at its old place, once HQ is fixed. HQ's last
     * reason stays on record until the event is delivered or refused again.
     *
     * @throws NotADeadLetterException when the event is pending or delivered
     */
    public void requeue(String staffCode, Instant now) {
        if (state() != State.DEAD_LETTER) {
            throw new NotADeadLetterException(id, state());
        }
        deadAt = null;
        requeuedAt = now;
        requeuedBy = staffCode;
    }

    public State state() {
        if (deliveredAt != null) {
            return State.DELIVERED;
        }
        return deadAt != null ? State.DEAD_LETTER : State.PENDING;
    }

    private static String clip(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), TEXT_LENGTH));
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

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Since when the event is set aside; empty unless it is a dead letter now. */
    public Optional<Instant> deadAt() {
        return Optional.ofNullable(deadAt);
    }

    /** Why HQ (or the store) last refused it; kept after a requeue as history. */
    public Optional<String> deadReason() {
        return Optional.ofNullable(deadReason);
    }

    /** How often it became a dead letter. */
    public int deadCount() {
        return deadCount;
    }

    public Optional<Instant> requeuedAt() {
        return Optional.ofNullable(requeuedAt);
    }

    public Optional<String> requeuedBy() {
        return Optional.ofNullable(requeuedBy);
    }

    @Override
    protected Object key() {
        return id;
    }
}
