package org.guitai.store.returns.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.print.PrintTemplates;
import org.guitai.store.returns.domain.SaleReturn;
import org.guitai.store.sale.domain.Sale;
import org.guitai.store.sale.service.SaleService;
import org.guitai.store.staff.service.StaffDirectory;

/** The printable return slip (退货单): what came back, why, who approved it, and where each refund went. */
@ApplicationScoped
public class ReturnSlipPages {

    @Inject
    Returns returns;

    @Inject
    SaleService sales;

    @Inject
    StaffDirectory staff;

    @Inject
    StoreSettings settings;

    @Inject
    PrintTemplates templates;

    /** The slip, recorded as printed; {@code copyAsked}: printed again on purpose, marked 副本 / COPY. */
    @Transactional
    public String slip(String returnId, boolean copyAsked, Caller caller) {
        Returns.SlipPrint print = returns.printSlip(returnId, copyAsked, caller);
        SaleReturn r = print.detail().saleReturn();
        Sale sale = sales.get(r.saleId());
        PrintedReturnSlip slip = PrintedReturnSlip.of(r, sale, print.detail().slipCode(), settings.storeName(), settings.zone(), staff::fullName,
                this::slipCode, print.copy());
        return templates.render("return-slip.ftlh", Map.of("slip", slip));
    }

    /** The slip code of a sale (an exchange's new sale), once it is paid. */
    private Optional<String> slipCode(String saleId) {
        Sale sale = sales.get(saleId);
        return sale.slipNumber().map(n -> sales.slipOf(sale).code());
    }
}
