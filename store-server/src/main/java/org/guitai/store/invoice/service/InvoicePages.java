package org.guitai.store.invoice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.guitai.store.invoice.domain.Invoice;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.print.PrintTemplates;

/** The printable invoice: every field of the fapiao, a barcode of its number, 作废 across a void one. */
@ApplicationScoped
public class InvoicePages {

    @Inject
    StoreSettings settings;

    @Inject
    PrintTemplates templates;

    public String print(Invoice invoice) {
        return templates.render("invoice.ftlh", Map.of("invoice", PrintedInvoice.of(invoice, settings.storeName(), settings.storeId())));
    }
}
