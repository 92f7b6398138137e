package org.guitai.store.sale.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.store.sale.service.SaleService;

/**
 * A line by {@code barcode} or {@code sku}; {@code unitPrice} overrides the list price (with a
 * PRICE_OVERRIDE approval), {@code discountPercent} discounts the line (with a DISCOUNT approval
 * above the cashier's limit).
 */
public record AddLineRequest(@NotNull UUID id,
                             @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String barcode,
                             @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String sku,
                             @NotNull @Pattern(regexp = Amounts.QUANTITY, message = Amounts.QUANTITY_MESSAGE) String quantity,
                             @Pattern(regexp = Amounts.MONEY, message = Amounts.MONEY_MESSAGE) String unitPrice,
                             @Pattern(regexp = Amounts.PERCENT, message = Amounts.PERCENT_MESSAGE) String discountPercent,
                             UUID approvalId) {

    /**
     * The line to place, in the store's currency.
     *
     * @throws InvalidRequestException unless exactly one of barcode and sku is given
     */
    SaleService.LineOrder order(Currency currency) {
        boolean byBarcode = barcode != null && !barcode.isBlank();
        boolean bySku = sku != null && !sku.isBlank();
        if (byBarcode == bySku) {
            throw new InvalidRequestException("line " + id + ": give exactly one of barcode and sku");
        }
        return new SaleService.LineOrder(id.toString(), Optional.ofNullable(barcode).filter(b -> byBarcode).map(String::trim),
                Optional.ofNullable(sku).filter(s -> bySku).map(String::trim), new BigDecimal(quantity),
                Optional.ofNullable(unitPrice).map(p -> Amounts.money("unitPrice", p, currency)),
                Amounts.decimal(discountPercent), Optional.ofNullable(approvalId).map(UUID::toString));
    }
}
