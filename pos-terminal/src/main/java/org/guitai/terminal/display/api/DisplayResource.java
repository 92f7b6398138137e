package org.guitai.terminal.display.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.platform.security.Public;
import org.guitai.terminal.display.domain.CustomerView;
import org.guitai.terminal.display.domain.DisplayText;
import org.guitai.terminal.display.service.CustomerDisplay;

/**
 * The customer display of this counter: the cashier's screen reports the sale after each step
 * ({@code PUT}, with the cashier's session), and the page facing the customer asks for it a few
 * times a second ({@code GET}, public: it shows nothing the customer is not meant to see).
 */
@Path("terminal/display")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class DisplayResource {

    /** What is shown, with its version: a display that already shows that version has nothing to redraw. */
    public record DisplayView(long version, String phase, String saleId, String language, String title, String subtitle,
                              List<String> heads, List<CustomerView.Item> items, List<DisplayText.Row> rows, List<String> lineDisplay) {

        static DisplayView of(CustomerDisplay.Current current) {
            DisplayText.Shown shown = current.shown();
            return new DisplayView(current.version(), current.view().phase().name(), current.view().saleId().orElse(null), shown.language(),
                    shown.title(), shown.subtitle(), shown.heads(), shown.items(), shown.rows(), shown.lineDisplay());
        }
    }

    @Inject
    CustomerDisplay display;

    @Inject
    CurrentCaller caller;

    @GET
    @Public
    public DisplayView get() {
        return DisplayView.of(display.current());
    }

    /** Only a staff member logged in at the store (the token the cashier's screen holds) changes what the customer sees. */
    @PUT
    public DisplayView show(@NotNull @Valid DisplayUpdate update) {
        caller.get();
        CustomerView view;
        try {
            view = update.view();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return DisplayView.of(display.show(view, update.language()));
    }
}
