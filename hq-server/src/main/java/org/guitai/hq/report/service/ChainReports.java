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

/**
 * Chain figures read from the sale and return facts; every store appears, also with no sales. {@code total} is what
 * the sales came to (gross: returns do not lower it); {@code refunded} is what the returns completed in the period gave
 * back, whenever their sales were made, so {@code total - refunded} is the period's net.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ChainReports {

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    ChainStores stores;

    @Inject
    HqSettings settings;

    /**
     * @param sales how many sales completed, {@code total} what they came to
     * @param returns how many returns were completed (fully refunded), {@code refunded} what they gave back
     */
    public record StoreFigures(ChainStore store, long sales, Money total, long returns, Money refunded) {

        /** What the store took in: sales less refunds. */
        public Money net() {
            return total.minus(refunded);
        }
    }

    public record ChainFigures(LocalDate from, LocalDate to, long sales, Money total, long returns, Money refunded,
                               List<StoreFigures> stores) {

        /**
         * Every store of {@code chain}, in its order, with what it sold and refunded in {@code currency} (a store
         * without sales or returns: none, zero); the chain's figures are the sums of the stores' shown.
         */
        static ChainFigures of(ReportPeriod period, Currency currency, List<ChainStore> chain, List<StoreSales> sold,
                               List<StoreReturns> returned) {
            Map<String, StoreSales> sales = new HashMap<>();
            sold.forEach(s -> sales.put(s.storeId(), s));
            Map<String, StoreReturns> returns = new HashMap<>();
            returned.forEach(r -> returns.put(r.storeId(), r));
            Money zero = Money.zero(currency);
            List<StoreFigures> figures = chain.stream().map(store -> {
                StoreSales s = sales.get(store.id());
                StoreReturns r = returns.get(store.id());
                return new StoreFigures(store, s == null ? 0 : s.sales(), s == null ? zero : Money.of(s.total(), currency),
                        r == null ? 0 : r.returns(), r == null ? zero : Money.of(r.refunded(), currency));
            }).toList();
            return new ChainFigures(period.from(), period.to(), figures.stream().mapToLong(StoreFigures::sales).sum(),
                    figures.stream().map(StoreFigures::total).reduce(zero, Money::plus), figures.stream().mapToLong(StoreFigures::returns).sum(),
                    figures.stream().map(StoreFigures::refunded).reduce(zero, Money::plus), figures);
        }

        /** What the chain took in: sales less refunds. */
        public Money net() {
            return total.minus(refunded);
        }
    }

    /** One store's count and sum of sale facts over the period, as the database adds them up. */
    record StoreSales(String storeId, long sales, BigDecimal total) {
    }

    /** One store's count of return facts over the period and what they refunded, as the database adds them up. */
    record StoreReturns(String storeId, long returns, BigDecimal refunded) {
    }

    /** Sales and returns per store and in total for the period's business dates, for HQ's analysts and admins. */
    public ChainFigures chain(ReportPeriod period, Caller reader) {
        reader.require("reading the chain's reports", HqRole.HQ_ANALYST, HqRole.HQ_ADMIN);
        List<StoreSales> sold = countAndSumPerStore("sale_fact", "total", period).stream()
                .map(row -> new StoreSales((String) row[0], ((Number) row[1]).longValue(), (BigDecimal) row[2]))
                .toList();
        List<StoreReturns> returned = countAndSumPerStore("return_fact", "refunded", period).stream()
                .map(row -> new StoreReturns((String) row[0], ((Number) row[1]).longValue(), (BigDecimal) row[2]))
                .toList();
        return ChainFigures.of(period, settings.currency(), stores.all(), sold, returned);
    }

    /** Per store, over the period's business dates in the chain's currency: its id, how many facts, and the sum of {@code amount}. */
    @SuppressWarnings("unchecked")
    private List<Object[]> countAndSumPerStore(String facts, String amount, ReportPeriod period) {
        return em.createNativeQuery("select store_id, count(*), sum(" + amount + ") from " + facts
                        + " where business_date between ? and ? and currency = ? group by store_id")
                .setParameter(1, period.from())
                .setParameter(2, period.to())
                .setParameter(3, settings.currency().getCurrencyCode())
                .getResultList();
    }
}
