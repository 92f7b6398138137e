package org.guitai.store.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.contact.PhoneNumber;
import org.guitai.kernel.money.Money;

/** Everything an invoice is made of before it gets its number. */
public record InvoiceDraft(String requestId, String saleId, LocalDate saleDate, LocalDate issuedOn, Buyer buyer, List<Line> lines,
                           Money saleTotal, String issuer, String payee) {

    public record Buyer(String name, String address, PhoneNumber phone, Optional<String> taxId, Optional<String> signature) {
    }

    public record Line(String name, String brand, String model, String spec, String colour, String unit, BigDecimal quantity,
                       Money unitPrice, Money amount, BigDecimal vatRate) {
    }
}
