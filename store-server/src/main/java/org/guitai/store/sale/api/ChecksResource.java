package org.guitai.store.sale.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.sale.service.SaleService;

/** The check-clearance queue of the store manager; a check is decided at {@code POST /sales/{id}/payments/{paymentId}/clearance}. */
@Path("checks")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class ChecksResource {

    public record CheckView(String saleId, String paymentId, Long slipNumber, String terminalId, String amount, String checkNumber, String bank,
                            String takenAt) {
    }

    @Inject
    SaleService sales;

    @Inject
    CurrentCaller caller;

    /** The checks awaiting clearance ({@code status=PENDING}, the only queue there is), oldest first. */
    @GET
    public List<CheckView> pending(@QueryParam("status") String status) {
        if (status != null && !status.isBlank() && !status.trim().equalsIgnoreCase("PENDING")) {
            throw new InvalidRequestException("status '" + status + "' is not PENDING");
        }
        return sales.pendingChecks(caller.get()).stream().map(c -> new CheckView(c.saleId(), c.paymentId(), c.slipNumber(), c.terminalId(),
                c.amount().toPlainString(), c.checkNumber(), c.bank(), c.takenAt().toString())).toList();
    }
}
