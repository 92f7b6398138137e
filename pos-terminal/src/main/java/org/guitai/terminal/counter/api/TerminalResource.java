package org.guitai.terminal.counter.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.guitai.platform.security.Public;
import org.guitai.terminal.catalog.service.Catalog;
import org.guitai.terminal.offline.service.Documents;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.store.StoreConnection;

/** Tells the cashier page which counter it runs on and whether its store answers, before anyone logs in. */
@Path("terminal")
@ApplicationScoped
@Produces(APPLICATION_JSON)
@Public
public class TerminalResource {

    /**
     * {@code storeReachable}: whether the store's API answered within a moment (asked at most every
     * two seconds); {@code pendingDocuments}: finished sales waiting in this terminal's queue for the
     * store; {@code catalogVersion}: the version of its catalog snapshot ({@code catalogProducts} in it);
     * {@code refusedDocuments}: sales the store refused, kept for the manager.
     */
    public record TerminalView(String terminalId, String storeUrl, boolean storeReachable, int pendingDocuments, long catalogVersion,
                               int catalogProducts, int refusedDocuments) {
    }

    @Inject
    Documents documents;

    @Inject
    Catalog catalog;

    @Inject
    TerminalSettings settings;

    @Inject
    StoreConnection store;

    @GET
    public TerminalView get() {
        return new TerminalView(settings.terminalId(), settings.storeUrl().toString(), store.reachable(), documents.pending(),
                catalog.version(), catalog.size(), documents.refused().size());
    }
}
