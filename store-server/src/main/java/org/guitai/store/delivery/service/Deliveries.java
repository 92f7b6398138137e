package org.guitai.store.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.platform.persistence.OnceById;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.delivery.domain.Delivery;
import org.guitai.store.delivery.domain.DeliveryRuleException;
import org.guitai.store.delivery.domain.DeliveryStatus;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleStateException;
import org.guitai.store.sale.domain.SaleStatus;
import org.guitai.store.sale.service.SaleService;

/** Booking deliveries of paid sales and moving them along, each change audited. */
@ApplicationScoped
@Transactional
public class Deliveries {

    /** What the counter asks for. */
    public record Request(String id, String contact, PhoneNumber phone, String address, LocalDateTime from, LocalDateTime to) {
    }

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    SaleService sales;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    @OnceById
    public Delivery request(String saleId, Request request, Caller caller) {
        Optional<Delivery> repeated = Optional.ofNullable(em.find(Delivery.class, request.id()));
        if (repeated.isPresent()) {
            if (!repeated.get().saleId().equals(saleId)) {
                throw new IdConflictException("delivery", request.id());
            }
            return repeated.get();
        }
        Sale sale = sales.get(saleId);
        if (!EnumSet.of(SaleStatus.PAID, SaleStatus.PACKED, SaleStatus.COMPLETED).contains(sale.status())) {
            throw new SaleStateException(saleId, sale.status(), "be delivered before it is paid");
        }
        Instant now = clock.instant();
        Delivery delivery = new Delivery(request.id(), saleId, request.contact(), request.phone(), request.address(), request.from(),
                request.to(), LocalDateTime.ofInstant(now, settings.zone()), caller.staffCode(), now);
        em.persist(delivery);
        em.flush();
        audit.record(AuditEvent.DELIVERY_STATUS, AuditLog.Who.of(caller), saleId, request.id(),
                "delivery " + request.id() + " REQUESTED for " + request.from() + " - " + request.to());
        return delivery;
    }

    public Delivery move(String deliveryId, DeliveryStatus status, Optional<String> note, Caller caller) {
        Delivery delivery = Optional.ofNullable(em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> DeliveryRuleException.notFound(deliveryId));
        DeliveryStatus before = delivery.status();
        delivery.moveTo(status, caller.staffCode(), clock.instant(), note.orElse(null));
        audit.record(AuditEvent.DELIVERY_STATUS, AuditLog.Who.of(caller), delivery.saleId(), deliveryId,
                "delivery " + deliveryId + ": " + before + " -> " + status + note.map(n -> " (" + n + ")").orElse(""));
        return delivery;
    }

    @Transactional(TxType.SUPPORTS)
    public Delivery get(String deliveryId) {
        return Optional.ofNullable(em.find(Delivery.class, deliveryId)).orElseThrow(() -> DeliveryRuleException.notFound(deliveryId));
    }

    @Transactional(TxType.SUPPORTS)
    public List<Delivery> forSale(String saleId) {
        return em.createQuery("select d from Delivery d where d.saleId = :sale order by d.requestedAt", Delivery.class)
                .setParameter("sale", saleId).getResultList();
    }
}
