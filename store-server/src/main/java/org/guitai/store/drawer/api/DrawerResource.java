package org.guitai.store.drawer.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Optional;
import java.util.UUID;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.RefusesCardNumbers;
import org.guitai.store.drawer.service.Drawer;

@Path("drawer")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class DrawerResource {

    public record NoSaleRequest(@NotNull UUID approvalId,
                                @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,200}", message = "must be 1 to 200 characters") String reason) {
    }

    public record Opened(String terminalId, String openedAt) {
    }

    @Inject
    Drawer drawer;

    @Inject
    CurrentCaller caller;

    /** No-sale opening: the terminal may open its drawer now (the approval is used up and the opening audited). */
    @POST
    @Path("no-sale")
    @RefusesCardNumbers(members = {"reason"})
    public Opened noSale(@NotNull @Valid NoSaleRequest request) {
        Caller who = caller.get();
        return new Opened(who.terminalId(), drawer.openWithoutSale(Optional.of(request.approvalId().toString()), request.reason().trim(), who).toString());
    }
}
