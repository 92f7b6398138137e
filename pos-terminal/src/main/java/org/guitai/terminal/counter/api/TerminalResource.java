package org.guitai.terminal.counter.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.guitai.platform.security.Public;
import org.guitai.terminal.platform.config.TerminalSettings;

/** Tells the cashier page which counter it runs on, before anyone logs in. */
@Path("terminal")
@ApplicationScoped
@Produces(APPLICATION_JSON)
@Public
public class TerminalResource {

    public record TerminalView(String terminalId, String storeUrl) {
    }

    @Inject
    TerminalSettings settings;

    @GET
    public TerminalView get() {
        return new TerminalView(settings.terminalId(), settings.storeUrl().toString());
    }
}
