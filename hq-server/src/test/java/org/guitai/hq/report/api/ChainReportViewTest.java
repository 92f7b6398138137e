package org.guitai.hq.report.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.guitai.hq.report.service.ChainReports.ChainFigures;
import org.guitai.hq.report.service.ChainReports.StoreFigures;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

/** What the analyst's report says on the wire: ISO dates, the currency, money as decimal strings at the currency's scale. */
class ChainReportViewTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void moneyIsADecimalStringAtTheCurrencysScaleAndEveryStoreIsNamed() {
        ChainStore xidan = new ChainStore("S001", "柜台 北京西单店", "北京", CNY);
        ChainStore nanjingLu = new ChainStore("S002", "柜台 上海南京路店", "上海", CNY);
        ChainFigures figures = new ChainFigures(LocalDate.of(2031, 3, 14), LocalDate.of(2031, 3, 15), 2, Money.of("658", CNY), 1,
                Money.of("279", CNY), List.of(new StoreFigures(xidan, 2, Money.of("658", CNY), 1, Money.of("279", CNY)),
                        new StoreFigures(nanjingLu, 0, Money.zero(CNY), 0, Money.zero(CNY))));

        ChainReportView view = ChainReportView.of(figures);

        assertEquals("2031-03-14", view.from());
        assertEquals("2031-03-15", view.to());
        assertEquals("CNY", view.currency());
        assertEquals(2, view.sales());
        assertEquals("658.00", view.total(), "gross: what the sales came to");
        assertEquals(1, view.returns());
        assertEquals("279.00", view.refunded());
        assertEquals("379.00", view.net());
        assertEquals(List.of(new ChainReportView.StoreView("S001", "柜台 北京西单店", "北京", 2, "658.00", 1, "279.00", "379.00"),
                new ChainReportView.StoreView("S002", "柜台 上海南京路店", "上海", 0, "0.00", 0, "0.00", "0.00")), view.stores());
    }
}
