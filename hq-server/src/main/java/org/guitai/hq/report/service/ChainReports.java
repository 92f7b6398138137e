package org.guitai.hq.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqRole;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.hq.store.service.ChainStores;
import org.guitai.kernel.money.Money;
import org.guitai.platform.security.Caller;

/** Chain figures read from the sale facts; every store appears, also with no sales. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ChainReports {

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    ChainStores stores;

    @Inject
    HqSettings settings;

    public record StoreFigures(ChainStore store, long sales, Money total) {
    }

    public record ChainFigures(LocalDate from, LocalDate to, long sales, Money total, List<StoreFigures> stores) {
    }

    /** Sales per store and in total for business dates {@code from}..{@code to}, for HQ's analysts and admins. */
    public ChainFigures chain(LocalDate from, LocalDate to, Caller reader) {
        reader.require("reading the chain's reports", HqRole.HQ_ANALYST, HqRole.HQ_ADMIN);
        Map<String, Object[]> byStore = new HashMap<>();
        em.createQuery("""
                        select f.storeId, count(f), sum(f.total) from SaleFact f
                        where f.businessDate between :from and :to and f.currency = :currency
                        group by f.storeId""", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("currency", settings.currency().getCurrencyCode())
                .getResultList()
                .forEach(row -> byStore.put((String) row[0], row));
        Money zero = Money.zero(settings.currency());
        List<StoreFigures> figures = stores.all().stream().map(store -> {
            Object[] row = byStore.get(store.id());
            return row == null ? new StoreFigures(store, 0, zero)
                    : new StoreFigures(store, ((Number) row[1]).longValue(), Money.of((BigDecimal) row[2], settings.currency()));
        }).toList();
        long sales = figures.stream().mapToLong(StoreFigures::sales).sum();
        Money total = figures.stream().map(StoreFigures::total).reduce(zero, Money::plus);
        return new ChainFigures(from, to, sales, total, figures);
    }
}
