package org.guitai.hq.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.guitai.hq.report.domain.ReportPeriod;
import org.guitai.hq.report.service.ChainReports.ChainFigures;
import org.guitai.hq.report.service.ChainReports.StoreFigures;
import org.guitai.hq.report.service.ChainReports.StoreReturns;
import org.guitai.hq.report.service.ChainReports.StoreSales;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

/** The chain report's arithmetic, from what the database sums up per store. */
class ChainReportsTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final ReportPeriod NOVEMBER = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    private static final List<ChainStore> CHAIN = List.of(store("S001"), store("S002"), store("S003"));

    private static ChainStore store(String id) {
        return new ChainStore(id, "Store " + id, "北京", CNY);
    }

    private static StoreSales sold(String storeId, long sales, String total) {
        return new StoreSales(storeId, sales, new BigDecimal(total));
    }

    private static ChainFigures figures(ReportPeriod period, Currency currency, List<ChainStore> chain, List<StoreSales> sold) {
        return ChainFigures.of(period, currency, chain, sold, List.of());
    }

    private static StoreReturns returned(String storeId, long returns, String refunded) {
        return new StoreReturns(storeId, returns, new BigDecimal(refunded));
    }

    private static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    @Test
    void everyStoreOfTheChainAppearsInItsOrderAlsoWithoutSales() {
        ChainFigures figures = figures(NOVEMBER, CNY, CHAIN, List.of(sold("S003", 1, "9.90"), sold("S001", 2, "658.00")));
        assertEquals(List.of("S001", "S002", "S003"), figures.stores().stream().map(s -> s.store().id()).toList());
        StoreFigures quiet = figures.stores().get(1);
        assertEquals(0, quiet.sales());
        assertEquals(cny("0.00"), quiet.total());
        assertEquals(cny("658.00"), figures.stores().get(0).total());
        assertEquals(1, figures.stores().get(2).sales());
    }

    @Test
    void theChainsFiguresAreTheSumsOfItsStoresToTheFen() {
        ChainFigures figures = figures(NOVEMBER, CNY, CHAIN,
                List.of(sold("S001", 1, "0.10"), sold("S002", 1, "0.20"), sold("S003", 3, "99999999999999.99")));
        assertEquals(5, figures.sales());
        assertEquals(cny("100000000000000.29"), figures.total(), "decimal, never binary floating point");
        assertEquals("100000000000000.29", figures.total().toPlainString());
    }

    @Test
    void aChainWithoutSalesReportsZeroInItsCurrency() {
        ChainFigures figures = figures(NOVEMBER, CNY, CHAIN, List.of());
        assertEquals(0, figures.sales());
        assertEquals(cny("0.00"), figures.total());
        assertEquals(CNY, figures.total().currency());
        assertEquals(cny("0"), figures(NOVEMBER, CNY, List.of(), List.of()).total(), "nor with no stores at all");
    }

    @Test
    void figuresAreInTheChainsCurrencyAtItsScale() {
        Currency yen = Currency.getInstance("JPY");
        ChainFigures figures = figures(NOVEMBER, yen, CHAIN, List.of(sold("S001", 2, "1200.00")));
        assertEquals(Money.of("1200", yen), figures.total(), "DECIMAL(19,2) sums come back with two decimals");
        assertEquals("1200", figures.total().toPlainString());
    }

    @Test
    void theReportAddsUpSoSalesOfAStoreItDoesNotShowAreNotInTheTotal() {
        ChainFigures figures = figures(NOVEMBER, CNY, List.of(store("S001")), List.of(sold("S001", 1, "10.00"), sold("S009", 4, "40.00")));
        assertEquals(1, figures.sales());
        assertEquals(cny("10.00"), figures.total());
    }

    @Test
    void theFiguresSayWhichDatesTheyCover() {
        ChainFigures figures = figures(NOVEMBER, CNY, CHAIN, List.of());
        assertEquals(LocalDate.of(2026, 11, 1), figures.from());
        assertEquals(LocalDate.of(2026, 11, 30), figures.to());
    }

    @Test
    void returnsAndRefundsArePerStoreAndSummedForTheChainWhileTheTotalStaysGross() {
        ChainFigures figures = ChainFigures.of(NOVEMBER, CNY, CHAIN, List.of(sold("S001", 2, "658.00"), sold("S002", 1, "10.00")),
                List.of(returned("S001", 1, "279.00"), returned("S003", 2, "0.30"), returned("S009", 5, "50.00")));
        StoreFigures s001 = figures.stores().get(0);
        assertEquals(1, s001.returns());
        assertEquals(cny("279.00"), s001.refunded());
        assertEquals(cny("658.00"), s001.total(), "returns do not lower what the sales came to");
        assertEquals(cny("379.00"), s001.net());
        StoreFigures s002 = figures.stores().get(1);
        assertEquals(0, s002.returns());
        assertEquals(cny("0.00"), s002.refunded());
        StoreFigures s003 = figures.stores().get(2);
        assertEquals(2, s003.returns(), "a store with returns and no sales in the period");
        assertEquals(0, s003.sales());
        assertEquals(cny("-0.30"), s003.net());
        assertEquals(3, figures.returns(), "S009 is not in the chain shown");
        assertEquals(cny("279.30"), figures.refunded());
        assertEquals(cny("668.00"), figures.total());
        assertEquals(cny("388.70"), figures.net());
    }
}
