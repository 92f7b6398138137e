package org.guitai.store.platform.health;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.math.BigDecimal;
import java.util.List;
import org.guitai.platform.security.Public;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.platform.config.StoreSettings;

/**
 * Which store this is, without a session. It answers only once the API itself is being served,
 * which {@code /health} can report a few seconds earlier while Payara Micro finishes its boot.
 */
@Path("status")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class StatusResource {

    /**
     * {@code denominations}: the pieces of the store's cash, largest first, as a drawer is counted;
     * {@code rounding}: how prices and amounts are rounded; {@code cashRoundingUnit} and
     * {@code cashRounding}: how a whole cash payment is rounded (抹零). A terminal selling while the
     * store is away prices with these exactly as the store would. {@code catalogVersion}: the version
     * of the catalog's last change, which a terminal compares with its snapshot's.
     */
    public record Status(String component, String storeId, String storeName, String currency, List<String> denominations,
                         String rounding, String cashRoundingUnit, String cashRounding, long catalogVersion) {
    }

    @Inject
    StoreSettings settings;

    // the one feature the status names: a terminal asks it first, and learns here whether its catalog is behind
    @Inject
    CatalogService catalog;

    @GET
    @Public
    public Status get() {
        return new Status("store-server", settings.storeId(), settings.storeName(), settings.currency().getCurrencyCode(),
                settings.denominations().stream().map(BigDecimal::toPlainString).toList(), settings.rounding().name(),
                settings.cashRounding().unit().toPlainString(), settings.cashRounding().mode().name(), catalog.version());
    }
}
