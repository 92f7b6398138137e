package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guitai.kernel.contract.SaleCompleted;
import org.guitai.kernel.contract.StoreEvent;
import org.guitai.kernel.money.Money;
import org.guitai.store.catalog.domain.Product;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.security.Caller;
import org.guitai.store.sale.domain.ChangeBreakdown;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.NumberCounter;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.domain.RejectedNote;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleLine;
import org.guitai.store.sale.domain.SaleRuleException;
import org.guitai.store.sale.domain.SoldItem;
import org.guitai.store.sale.domain.Taxes;
import org.guitai.store.sync.service.Outbox;

/**
 * The use cases of the counter. Each runs in one transaction with the sale row locked, so that
 * two terminals racing on one sale take turns and the loser sees the winner's state. Creates are
 * idempotent on the client's id: repeating a request returns what the first one did.
 */
@ApplicationScoped
@Transactional
public class SaleService {

    private static final RoundingMode LINE_ROUNDING = RoundingMode.HALF_UP;

    @Inject
    SaleRepository sales;

    @Inject
    CatalogService catalog;

    @Inject
    Outbox outbox;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    /** A line to add: by barcode or SKU, with an optional unit price that differs from the list price. */
    public record LineOrder(String lineId, Optional<String> barcode, Optional<String> sku, BigDecimal quantity, Optional<Money> unitPrice) {
    }

    /** What the customer handed over in cash, and which part of the due it is for (all of it unless split). */
    public record CashTendered(String paymentId, Money amountDue, Optional<Money> amount, List<NoteCount> counted, List<RejectedNote> rejected) {
    }

    /** 唱: what to announce and hand back after a tender. */
    public record TenderResult(Payment payment, List<NoteCount> changeBreakdown, String announcement, Sale sale) {
    }

    public Sale open(String saleId, String terminalId, Optional<String> customerId, Caller caller) {
        Optional<Sale> existing = sales.find(saleId);
        if (existing.isPresent()) {
            if (!existing.get().terminalId().equals(terminalId)) {
                throw new IdConflictException("sale", saleId);
            }
            return existing.get();
        }
        requireOwnTerminal(terminalId, caller);
        Instant now = clock.instant();
        Sale sale = Sale.open(saleId, terminalId, caller.staffCode(), customerId.orElse(null), settings.currency(), businessDate(now), now);
        sales.add(sale);
        return sale;
    }

    @Transactional(TxType.SUPPORTS)
    public Sale get(String saleId) {
        return sales.get(saleId);
    }

    public Sale addLine(String saleId, LineOrder order, Caller caller) {
        Sale sale = sales.getForUpdate(saleId);
        if (sale.line(order.lineId()).isPresent()) {
            return sale;
        }
        CatalogService.Item item = order.barcode().map(catalog::byBarcode)
                .or(() -> order.sku().map(catalog::bySku))
                .orElseThrow(() -> new SaleRuleException("no-product", "No product given", "a line needs a barcode or a SKU"));
        Product product = item.product();
        requireStock(sale, product.sku(), order.quantity(), item.stock());
        Money unitPrice = order.unitPrice().orElse(product.price());
        sale.addLine(order.lineId(), soldItem(product), order.quantity(), unitPrice, LINE_ROUNDING);
        return sale;
    }

    public Sale confirm(String saleId) {
        Sale sale = sales.getForUpdate(saleId);
        sale.confirm(clock.instant());
        return sale;
    }

    /** Checkout in cash with 查、数、验、唱; when nothing is left due, the sale is stamped paid. */
    public TenderResult takeCash(String saleId, CashTendered cash, Caller caller) {
        Sale sale = sales.getForUpdate(saleId);
        Optional<Payment> repeated = sale.payment(cash.paymentId());
        if (repeated.isPresent()) {
            return result(repeated.get(), sale);
        }
        Instant now = clock.instant();
        Payment payment = sale.takeCash(cash.paymentId(), cash.amountDue(), cash.amount(), cash.counted(), cash.rejected(),
                settings.denominations(), caller.staffCode(), now);
        TenderResult result = result(payment, sale);
        if (sale.isFullyPaid()) {
            sale.stampPaid(sales.nextNumber(NumberCounter.SLIP), now);
            takeStock(sale, now);
        }
        return result;
    }

    /** Farewell: the sale is completed and its event for HQ is recorded in the same transaction. */
    public Sale complete(String saleId) {
        Sale sale = sales.getForUpdate(saleId);
        if (sale.completedAt().isPresent()) {
            return sale;
        }
        sale.complete(clock.instant());
        outbox.record(StoreEvent.of(UUID.randomUUID(), completedEvent(sale)));
        return sale;
    }

    private TenderResult result(Payment payment, Sale sale) {
        List<NoteCount> breakdown = ChangeBreakdown.of(payment.change(), settings.denominations());
        String announcement = "收您" + payment.received().toPlainString() + "元，找您" + payment.change().toPlainString() + "元";
        return new TenderResult(payment, breakdown, announcement, sale);
    }

    private void requireOwnTerminal(String terminalId, Caller caller) {
        if (!terminalId.equals(caller.terminalId())) {
            throw new SaleRuleException("wrong-terminal", "Wrong terminal",
                    "you are logged in at " + caller.terminalId() + ", not at " + terminalId);
        }
    }

    private void requireStock(Sale sale, String sku, BigDecimal quantity, BigDecimal onHand) {
        BigDecimal onThisSale = sale.activeLines().stream().filter(l -> l.sku().equals(sku))
                .map(SaleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = onHand.subtract(onThisSale);
        if (!settings.allowNegativeStock() && quantity.compareTo(available) > 0) {
            throw new SaleRuleException("insufficient-stock", "Not enough stock",
                    "only " + available.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " of " + sku + " available",
                    Map.of("sku", sku, "available", available.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString()));
        }
    }

    private void takeStock(Sale sale, Instant now) {
        sale.activeLines().forEach(line -> catalog.take(line.sku(), line.quantity(), now));
    }

    private LocalDate businessDate(Instant now) {
        return now.atZone(settings.zone()).toLocalDate();
    }

    private static SoldItem soldItem(Product product) {
        Product.Description d = product.description();
        return new SoldItem(product.sku(), product.barcode(), d.name(), d.brand(), d.model(), d.spec(), d.colour(), d.unit(),
                product.price(), product.vatRate());
    }

    private static SaleCompleted completedEvent(Sale sale) {
        List<SaleCompleted.Line> lines = sale.activeLines().stream()
                .map(l -> new SaleCompleted.Line(UUID.fromString(l.id()), l.sku(), l.quantity().stripTrailingZeros().toPlainString(),
                        l.unitPrice().toPlainString(), l.amount().toPlainString(), l.vatRate().stripTrailingZeros().toPlainString()))
                .toList();
        Money tax = sale.activeLines().stream().map(l -> Taxes.taxIn(l.amount(), l.vatRate()))
                .reduce(Money.zero(sale.currency()), Money::plus);
        List<SaleCompleted.Tender> tenders = sale.payments().stream()
                .map(p -> new SaleCompleted.Tender(p.tender().name(), p.applied().toPlainString()))
                .toList();
        return new SaleCompleted(UUID.fromString(sale.id()), sale.terminalId(), sale.cashierCode(), sale.slipNumber().orElse(null),
                sale.completedAt().orElseThrow(), sale.businessDate(), sale.currency().getCurrencyCode(),
                sale.total().toPlainString(), tax.toPlainString(), lines, tenders);
    }
}
