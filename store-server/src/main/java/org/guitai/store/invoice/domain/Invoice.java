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
import org.guitai.store.sale.domain.SoldItem;
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
 * <p>
 * A return of goods that were invoiced is answered by a red-letter invoice (红字发票, kind
 * {@link Kind#RED_LETTER}): the next number of the same sequence, citing the original invoice
 * (which stays as it is), with the returned quantities and refunded amounts negative, the VAT split
 * from each line as a normal invoice splits it, and a total in uppercase that starts with 负. The
 * red-letter invoices of an original never add up to more than the original.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends Keyed {

    public static final String LATE_REMARK = "补开";

    /** The remark of a red-letter invoice, before the original's number. */
    public static final String RED_LETTER_REMARK = "红字发票，对应正数发票 ";

    public enum Kind {
        NORMAL,
        RED_LETTER
    }

    public enum Status {
        ISSUED,
        VOID
    }

    @Id
    @Column(name = "number")
    private String number;

    @Column(name = "seq")
    private long seq;

    @Column(name = "kind")
    private String kind = Kind.NORMAL.name();

    @Column(name = "original_number")
    private String originalNumber;

    @Column(name = "return_id")
    private String returnId;

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

    /**
     * The red-letter invoice (红字发票) of a return against this invoice, with its number.
     *
     * @param requestId the id of the invoice row (one per return)
     * @param soldItems the sold items of the original's sale by sale line id, for brand, model, colour and unit
     * @param alreadyRedLettered what the ISSUED red-letter invoices of this original already take back (positive)
     * @throws InvoiceRuleException 409 when this invoice is void or itself red-letter, or when the lines would take back
     *         more than the original has left; 422 when nothing is refunded
     */
    public Invoice redLetter(String requestId, String returnId, List<RedLetterLine> returned, Map<String, SoldItem> soldItems,
            Money alreadyRedLettered, LocalDate today, String issuer, String payee, String number, long seq, RoundingMode rounding,
            Instant now) {
        requireIssued();
        if (kind() != Kind.NORMAL) {
            throw new InvoiceRuleException("invoice-is-red-letter", 409, "A red-letter invoice cannot be red-lettered",
                    "invoice " + this.number + " is itself a red-letter invoice; cite the original invoice " + originalNumber,
                    Map.of("originalNumber", originalNumber));
        }
        Currency currency = currency();
        Invoice red = new Invoice();
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        Money total = Money.zero(currency);
        for (RedLetterLine line : returned) {
            Money amount = Money.of(line.amount().amount(), currency);
            // split on the positive amount, as the original was split, then negated: the same fen either way
            Money lineTax = Taxes.taxIn(amount, line.vatRate(), rounding);
            Money lineNet = amount.minus(lineTax);
            SoldItem item = soldItems.get(line.saleLineId());
            BigDecimal unitPrice = unitPrice(amount.amount(), line.quantity(), rounding);
            red.lines.add(new InvoiceLine(line.saleLineId(), line.name(), item == null ? "" : item.brand(), item == null ? "" : item.model(),
                    line.spec(), item == null ? "" : item.colour(), item == null ? "" : item.unit(), line.quantity().negate(), unitPrice,
                    amount.negate().amount(), line.vatRate(), lineNet.negate().amount(), lineTax.negate().amount()));
            net = net.minus(lineNet);
            tax = tax.minus(lineTax);
            total = total.minus(amount);
        }
        if (!total.isNegative()) {
            throw new InvoiceRuleException("invoice-empty", 422, "Nothing to invoice", "the return refunds nothing to red-letter", Map.of());
        }
        Money left = total().minus(alreadyRedLettered);
        if (total.negate().isGreaterThan(left)) {
            throw new InvoiceRuleException("red-letter-exceeds-original", 409, "More than the original invoice",
                    "a red-letter invoice of " + total.negate().toPlainString() + " against invoice " + this.number + " of "
                            + total().toPlainString() + ", of which " + alreadyRedLettered.toPlainString() + " is red-lettered already, leaves only "
                            + left.toPlainString(),
                    Map.of("originalNumber", this.number, "left", left.toPlainString()));
        }
        red.number = number;
        red.seq = seq;
        red.kind = Kind.RED_LETTER.name();
        red.originalNumber = this.number;
        red.returnId = returnId;
        red.requestId = requestId;
        red.saleId = saleId;
        red.issuedOn = today;
        red.issuedAt = now;
        red.remark = RED_LETTER_REMARK + this.number;
        red.buyerName = buyerName;
        red.buyerAddress = buyerAddress;
        red.buyerPhone = buyerPhone;
        red.buyerTaxId = buyerTaxId;
        red.signature = null;
        red.currency = this.currency;
        red.net = net.amount();
        red.tax = tax.amount();
        red.total = total.amount();
        red.totalInWords = AmountInWords.of(total);
        red.issuer = issuer;
        red.payee = payee;
        return red;
    }

    /** The refunded unit price: exact when the amount divides to the fen, else rounded (pro-rata discounts). */
    private static BigDecimal unitPrice(BigDecimal amount, BigDecimal quantity, RoundingMode rounding) {
        try {
            BigDecimal exact = amount.divide(quantity);
            if (exact.stripTrailingZeros().scale() <= 2) {
                return exact.setScale(2, RoundingMode.UNNECESSARY);
            }
        } catch (ArithmeticException nonTerminating) {
            // falls through to the rounded price
        }
        return amount.divide(quantity, 2, rounding);
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

    /** @throws InvoiceRuleException (409) when red-letter invoices cite this one: it stays valid for them */
    public void requireNotRedLettered(List<Invoice> redLetters) {
        List<String> citing = redLetters.stream().filter(r -> r.status() == Status.ISSUED).map(Invoice::number).toList();
        if (!citing.isEmpty()) {
            throw new InvoiceRuleException("invoice-red-lettered", 409, "Invoice has red-letter invoices",
                    "invoice " + number + " is cited by the red-letter invoice(s) " + String.join(", ", citing) + " and cannot be voided",
                    Map.of("redLetterInvoices", citing));
        }
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    /** The invoice a red-letter invoice corrects; empty for a normal invoice. */
    public Optional<String> originalNumber() {
        return Optional.ofNullable(originalNumber);
    }

    /** The return a red-letter invoice was issued for; empty for a normal invoice. */
    public Optional<String> returnId() {
        return Optional.ofNullable(returnId);
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
