package org.guitai.store.terminal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.guitai.store.terminal.service.RefusedSales;

/** One refused sale as its terminal keeps it: the store's answer then ({@code status}, {@code problemType}, {@code reason}) and the document. */
public record RefusedSaleReport(@NotNull @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a UUID") String saleId,
                                String cashierCode, String createdAt, int status, String problemType, String reason,
                                String refusedAt, String document) {

    RefusedSales.Report report() {
        return new RefusedSales.Report(saleId.toLowerCase(), orEmpty(cashierCode), orEmpty(createdAt), status, orEmpty(problemType),
                orEmpty(reason), orEmpty(refusedAt), orEmpty(document));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
