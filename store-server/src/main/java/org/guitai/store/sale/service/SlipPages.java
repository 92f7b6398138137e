package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.print.PrintTemplates;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.staff.service.StaffDirectory;

/** The printable paid slip: what was sold, how it was paid, the paid stamp and the barcode of the slip code. */
@ApplicationScoped
public class SlipPages {

    @Inject
    SaleService sales;

    @Inject
    StaffDirectory staff;

    @Inject
    StoreSettings settings;

    @Inject
    PrintTemplates templates;

    /** The slip; {@code copy}: printed again, marked 副本 / COPY. */
    public String slip(Sale sale, boolean copy) {
        PrintedSlip slip = PrintedSlip.of(sale, sales.slipOf(sale).code(), settings.storeName(), settings.zone(),
                staff.fullName(sale.cashierCode()), copy);
        return templates.render("slip.ftlh", Map.of("slip", slip));
    }
}
