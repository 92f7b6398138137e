package org.guitai.hq.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.report.domain.ReportPeriod;
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

        /**
         * Every store of {@code chain}, in its order, with what it sold in {@code currency} (a store
         * without sales: none, zero); the chain's figures are the sums of the stores' shown.
         */
        static ChainFigures of(ReportPeriod period, Currency currency, List<ChainStore> chain, List<StoreSales> sold) {
            Map<String, StoreSales> byStore = new HashMap<>();
            sold.forEach(s -> byStore.put(s.storeId(), s));
            Money zero = Money.zero(currency);
            List<StoreFigures> figures = chain.stream().map(store -> {
                StoreSales s = byStore.get(store.id());
                return s == null ? new StoreFigures(store, 0, zero) : new StoreFigures(store, s.sales(), Money.of(s.total(), currency));
            }).toList();
            long sales = figures.stream().mapToLong(StoreFigures::sales).sum();
            Money total = figures.stream().map(StoreFigures::total).reduce(zero, Money::plus);
            return new ChainFigures(period.from(), period.to(), sales, total, figures);
        }
    }

    /** One store's count and sum of sale facts over the period, as the database adds them up. */
    record StoreSales(String storeId, long sales, BigDecimal total) {
    }

    /** Sales per store and in total for the period's business dates, for HQ's analysts and admins. */
    public ChainFigures chain(ReportPeriod period, Caller reader) {
        reader.require("reading the chain's reports", HqRole.HQ_ANALYST, HqRole.HQ_ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select store_id, count(*), sum(total) from sale_fact
                        where business_date between ? and ? and currency = ?
                        group by store_id""")
                .setParameter(1, period.from())
                .setParameter(2, period.to())
                .setParameter(3, settings.currency().getCurrencyCode())
                .getResultList();
        List<StoreSales> sold = rows.stream()
                .map(row -> new StoreSales((String) row[0], ((Number) row[1]).longValue(), (BigDecimal) row[2]))
                .toList();
        return ChainFigures.of(period, settings.currency(), stores.all(), sold);
    }
}
