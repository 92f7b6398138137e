package org.guitai.store.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.guitai.store.delivery.domain.Delivery;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.print.PrintTemplates;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.service.SaleService;

/** The delivery note that travels with the goods: who, where, when, what, and the slip's barcode. */
@ApplicationScoped
public class DeliveryNotes {

    @Inject
    SaleService sales;

    @Inject
    StoreSettings settings;

    @Inject
    PrintTemplates templates;

    public String note(Delivery delivery) {
        Sale sale = sales.get(delivery.saleId());
        PrintedDeliveryNote note = PrintedDeliveryNote.of(delivery, sale.activeLines(), sales.slipOf(sale).code(), settings.storeName());
        return templates.render("delivery-note.ftlh", Map.of("note", note));
    }
}
