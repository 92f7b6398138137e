package org.guitai.store.delivery.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.platform.persistence.Keyed;

/**
 * A delivery request for a paid sale. The window is in the store's local time and must end in
 * the future; the status only moves along {@link DeliveryStatus#next()}, each step kept.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "sale_id")
    private String saleId;

    @Column(name = "contact")
    private String contact;

    @Column(name = "phone")
    private String phone;

    @Column(name = "address")
    private String address;

    @Column(name = "window_from")
    private LocalDateTime windowFrom;

    @Column(name = "window_to")
    private LocalDateTime windowTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private DeliveryStatus status;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Version
    @Column(name = "version")
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "delivery_status_change", joinColumns = @JoinColumn(name = "delivery_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> history = new ArrayList<>();

    protected Delivery() {
    }

    public Delivery(String id, String saleId, String contact, PhoneNumber phone, String address, LocalDateTime windowFrom,
                    LocalDateTime windowTo, LocalDateTime nowInStore, String requestedBy, Instant now) {
        if (!windowFrom.isBefore(windowTo)) {
            throw new DeliveryRuleException("invalid-window", 422, "Invalid delivery window",
                    "the window must start before it ends: " + windowFrom + " to " + windowTo, Map.of());
        }
        if (!windowTo.isAfter(nowInStore)) {
            throw new DeliveryRuleException("invalid-window", 422, "Invalid delivery window",
                    "the window ends at " + windowTo + ", which has passed", Map.of());
        }
        this.id = id;
        this.saleId = saleId;
        this.contact = contact;
        this.phone = phone.value();
        this.address = address;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.status = DeliveryStatus.REQUESTED;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.history.add(new StatusChange(DeliveryStatus.REQUESTED, requestedBy, now, null));
    }

    public void moveTo(DeliveryStatus next, String staffCode, Instant now, String note) {
        if (!status.next().contains(next)) {
            throw new DeliveryRuleException("delivery-state", 409, "Not allowed in the delivery's state",
                    "delivery " + id + " is " + status + ": it can go to " + status.next() + ", not " + next,
                    Map.of("state", status.name()));
        }
        status = next;
        history.add(new StatusChange(next, staffCode, now, note));
    }

    public String id() {
        return id;
    }

    public String saleId() {
        return saleId;
    }

    public String contact() {
        return contact;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public LocalDateTime windowFrom() {
        return windowFrom;
    }

    public LocalDateTime windowTo() {
        return windowTo;
    }

    public DeliveryStatus status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    @Override
    protected Object key() {
        return id;
    }
}
