package org.guitai.store.invoice.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.money.AmountInWords;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.Keyed;
import org.guitai.store.sale.domain.Taxes;

/**
 * An issued fapiao (发票). The rules it enforces when issued:
 * <ul>
 * <li>buyer name, address and phone are given;</li>
 * <li>every line's amount is exactly quantity x actual unit price, else nothing is issued;</li>
 * <li>the lines add up to the sale's total; per line net + tax = amount, VAT taken out of the
 * VAT-inclusive amount with the store's rounding; 价税合计 is written in figures and in uppercase;</li>
 * <li>an invoice issued on a later day than its sale carries the remark 补开.</li>
 * </ul>
 * Once issued it is never changed: a void is a separate record and the number stays used.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends Keyed {

    public static final String LATE_REMARK = "补开";

    public enum Status {
        ISSUED,
        VOID
    }

    @Id
    @Column(name = "number")
    private String number;

    @Column(name = "seq")
    private long seq;

    @Column(name = "id")
    private String requestId;

    @Column(name = "sale_id")
    private String saleId;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "remark")
    private String remark;

    @Column(name = "buyer_name")
    private String buyerName;

    @Column(name = "buyer_address")
    private String buyerAddress;

    @Column(name = "buyer_phone")
    private String buyerPhone;

    @Column(name = "buyer_tax_id")
    private String buyerTaxId;

    @Column(name = "signature")
    private String signature;

    @Column(name = "currency")
    private String currency;

    @Column(name = "net")
    private BigDecimal net;

    @Column(name = "tax")
    private BigDecimal tax;

    @Column(name = "total")
    private BigDecimal total;

    @Column(name = "total_in_words")
    private String totalInWords;

    @Column(name = "issuer")
    private String issuer;

    @Column(name = "payee")
    private String payee;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_number"))
    @OrderColumn(name = "position")
    private List<InvoiceLine> lines = new ArrayList<>();

    @OneToOne(mappedBy = "invoice")
    private InvoiceVoid voidRecord;

    protected Invoice() {
    }

    /** Checks the draft against the rules and makes the invoice with its number. */
    public static Invoice issue(InvoiceDraft draft, String number, long seq, RoundingMode rounding, Instant now) {
        List<Map<String, Object>> inexact = new ArrayList<>();
        for (InvoiceDraft.Line line : draft.lines()) {
            BigDecimal exact = line.unitPrice().amount().multiply(line.quantity());
            if (exact.compareTo(line.amount().amount()) != 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", line.name());
                m.put("quantity", line.quantity().stripTrailingZeros().toPlainString());
                m.put("unitPrice", line.unitPrice().toPlainString());
                m.put("amount", line.amount().toPlainString());
                m.put("quantityTimesUnitPrice", exact.stripTrailingZeros().toPlainString());
                inexact.add(m);
            }
        }
        if (!inexact.isEmpty()) {
            throw new InvoiceRuleException("invoice-inexact", 422, "Amounts are not quantity x unit price",
                    inexact.size() + " line(s) would not show amount = quantity x unit price; no invoice was issued",
                    Map.of("inexactLines", inexact));
        }
        if (draft.lines().isEmpty()) {
            throw new InvoiceRuleException("invoice-empty", 422, "Nothing to invoice", "the sale has no lines", Map.of());
        }
        Currency currency = draft.saleTotal().currency();
        Invoice invoice = new Invoice();
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        Money total = Money.zero(currency);
        for (InvoiceDraft.Line line : draft.lines()) {
            Money lineTax = Taxes.taxIn(line.amount(), line.vatRate(), rounding);
            Money lineNet = line.amount().minus(lineTax);
            invoice.lines.add(new InvoiceLine(line, lineNet.amount(), lineTax.amount()));
            net = net.plus(lineNet);
            tax = tax.plus(lineTax);
            total = total.plus(line.amount());
        }
        if (!total.equals(draft.saleTotal())) {
            throw new InvoiceRuleException("invoice-total-mismatch", 422, "Lines do not add up to the sale",
                    "the lines add up to " + total.toPlainString() + " but the sale's total is " + draft.saleTotal().toPlainString(), Map.of());
        }
        invoice.number = number;
        invoice.seq = seq;
        invoice.requestId = draft.requestId();
        invoice.saleId = draft.saleId();
        invoice.issuedOn = draft.issuedOn();
        invoice.issuedAt = now;
        invoice.remark = draft.issuedOn().isAfter(draft.saleDate()) ? LATE_REMARK : "";
        invoice.buyerName = draft.buyer().name();
        invoice.buyerAddress = draft.buyer().address();
        invoice.buyerPhone = draft.buyer().phone().value();
        invoice.buyerTaxId = draft.buyer().taxId().orElse(null);
        invoice.signature = draft.buyer().signature().orElse(null);
        invoice.currency = currency.getCurrencyCode();
        invoice.net = net.amount();
        invoice.tax = tax.amount();
        invoice.total = total.amount();
        invoice.totalInWords = AmountInWords.of(total);
        invoice.issuer = draft.issuer();
        invoice.payee = draft.payee();
        return invoice;
    }

    /** @throws InvoiceRuleException (409) when the invoice is already void */
    public void requireIssued() {
        if (voidRecord != null) {
            throw new InvoiceRuleException("invoice-void", 409, "Invoice already void",
                    "invoice " + number + " was voided at " + voidRecord.voidedAt(), Map.of("state", Status.VOID.name()));
        }
    }

    /** 作废: the void record; the invoice stays as issued. */
    public InvoiceVoid voidWith(String reason, String approvalId, String staffCode, Instant now) {
        requireIssued();
        voidRecord = new InvoiceVoid(this, reason, approvalId, staffCode, now);
        return voidRecord;
    }

    public Status status() {
        return voidRecord == null ? Status.ISSUED : Status.VOID;
    }

    public Optional<InvoiceVoid> voidRecord() {
        return Optional.ofNullable(voidRecord);
    }

    public String number() {
        return number;
    }

    public long seq() {
        return seq;
    }

    public String requestId() {
        return requestId;
    }

    public String saleId() {
        return saleId;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String remark() {
        return remark;
    }

    public String buyerName() {
        return buyerName;
    }

    public String buyerAddress() {
        return buyerAddress;
    }

    public String buyerPhone() {
        return buyerPhone;
    }

    public Optional<String> buyerTaxId() {
        return Optional.ofNullable(buyerTaxId);
    }

    public Optional<String> signature() {
        return Optional.ofNullable(signature);
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money net() {
        return Money.of(net, currency());
    }

    public Money tax() {
        return Money.of(tax, currency());
    }

    public Money total() {
        return Money.of(total, currency());
    }

    public String totalInWords() {
        return totalInWords;
    }

    public String issuer() {
        return issuer;
    }

    public String payee() {
        return payee;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }

    @Override
    protected Object key() {
        return number;
    }
}
