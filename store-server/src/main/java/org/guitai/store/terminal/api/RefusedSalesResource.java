package org.guitai.store.terminal.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.guitai.platform.security.AcceptsTerminalSignature;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.terminal.service.RefusedSales;

/**
 * Sales the store refused when a terminal sent them: the terminal reports the ones it keeps
 * ({@code PUT /refused-sales/{terminalId}}, signed or through a session at it); the store manager
 * lists them ({@code GET /refused-sales}) and settles each with a note ({@code POST .../resolve}).
 */
@Path("refused-sales")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class RefusedSalesResource {

    @Inject
    RefusedSales refusedSales;

    @Inject
    CurrentCaller caller;

    @PUT
    @Path("{terminalId}")
    @AcceptsTerminalSignature
    @SecurityRequirement(name = "staff")
    @SecurityRequirement(name = "terminal")
    public RefusedReportView report(@PathParam("terminalId") String terminalId, @NotNull @Valid RefusedReport report) {
        return new RefusedReportView(terminalId, refusedSales.report(terminalId, report.refused().stream().map(RefusedSaleReport::report).toList(),
                caller.get()));
    }

    /** For a store manager: the refused sales still to settle, or with {@code all=true} settled and withdrawn ones too. */
    @GET
    public List<RefusedSaleView> list(@QueryParam("all") boolean all) {
        return refusedSales.list(!all, caller.get()).stream().map(RefusedSaleView::of).toList();
    }

    @POST
    @Path("{saleId}/resolve")
    public void resolve(@PathParam("saleId") String saleId, @NotNull @Valid ResolveRequest request) {
        refusedSales.resolve(saleId, request.note().strip(), caller.get());
    }
}
