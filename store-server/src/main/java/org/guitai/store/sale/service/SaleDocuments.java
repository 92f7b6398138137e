package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.platform.security.Caller;
import org.guitai.store.sale.domain.IdConflictException;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.domain.SaleRuleException;
import org.guitai.store.sale.domain.SaleStatus;
import org.guitai.store.staff.domain.Role;

/**
 * A whole finished sale submitted as one document: the way a terminal replays the sales it made
 * while the store server was out of reach, and the fast path of a self-contained sale. The
 * document is checked with exactly the counter's rules (stock, approvals, the cash checks, card
 * numbers) in one transaction: it is recorded completely or not at all, and once per sale id (the
 * sale's primary key decides; a replay is answered with the sale recorded the first time).
 */
@ApplicationScoped
@Transactional
public class SaleDocuments {

    /** How far a terminal's clock may run ahead of the store's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Document(String saleId, String terminalId, Instant createdAt, Optional<String> customerId,
                           List<SaleService.LineOrder> lines, Optional<BigDecimal> orderDiscountPercent,
                           Optional<String> orderDiscountApproval, List<SaleService.Tendered> payments) {
    }

    /** The sale, and whether this submission recorded it (false: it was there already). */
    public record Submitted(Sale sale, boolean created) {
    }

    @Inject
    SaleService sales;

    @Inject
    SaleRepository repository;

    @Inject
    CatalogService catalog;

    @Inject
    Clock clock;

    public Submitted submit(Document document, Caller caller) {
        caller.require("submitting sales", Role.CASHIER, Role.STORE_MANAGER);
        Instant now = clock.instant();
        if (document.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new SaleRuleException("document-in-future", "Sale from the future",
                    "the sale was created at " + document.createdAt() + ", later than now (" + now + "): check the terminal's clock");
        }
        if (document.lines().isEmpty()) {
            throw new SaleRuleException("document-incomplete", "Incomplete sale", "a sale document needs lines");
        }
        Sale sale = sales.newSale(document.saleId(), document.terminalId(), document.customerId(), caller, document.createdAt());
        Map<String, CatalogService.Item> items = catalog.items(
                document.lines().stream().flatMap(l -> l.barcode().stream()).collect(Collectors.toSet()),
                document.lines().stream().flatMap(l -> l.sku().stream()).collect(Collectors.toSet()));
        for (SaleService.LineOrder line : document.lines()) {
            sales.placeLine(sale, line, items.get(line.barcode().or(line::sku).orElseThrow()), caller);
        }
        if (document.orderDiscountPercent().isPresent()) {
            sales.applyOrderDiscount(sale, document.orderDiscountPercent().get(), document.orderDiscountApproval(), caller);
        }
        sale.confirm(now);
        sales.stampIfPaid(sale, now);
        for (SaleService.Tendered tendered : document.payments()) {
            sales.tender(sale, tendered, caller, now);
        }
        if (sale.status() == SaleStatus.PAID) {
            sales.finish(sale, now);
        } else if (sale.status() != SaleStatus.AWAITING_CLEARANCE) {
            throw new SaleRuleException("document-unpaid", "Sale not paid",
                    "the payments leave " + sale.due().toPlainString() + " due on a total of " + sale.total().toPlainString(),
                    Map.of("due", sale.due().toPlainString()));
        }
        // a replay of a sale already recorded fails on the sale's key here, and is answered by replayed()
        repository.add(sale);
        return new Submitted(sale, true);
    }

    /**
     * The answer to a document whose sale id is taken: the recorded sale when it is this finished
     * sale from this terminal; anything else (a sale still at the counter, another terminal's) is a conflict.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Submitted replayed(String saleId, String terminalId) {
        Sale existing = repository.get(saleId);
        if (!existing.terminalId().equals(terminalId)
                || !EnumSet.of(SaleStatus.COMPLETED, SaleStatus.AWAITING_CLEARANCE).contains(existing.status())) {
            throw new IdConflictException("sale", saleId);
        }
        return new Submitted(existing, false);
    }
}
