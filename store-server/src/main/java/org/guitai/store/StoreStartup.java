package org.guitai.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.guitai.platform.persistence.Migrations;
import org.guitai.store.masterdata.MasterDataImport;
import org.guitai.store.mobile.service.MobileCharges;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.sync.service.OutboxRelay;

/**
 * Start-up in order: refuse bad settings (also a payment gateway this server does not have), bring the schema up to date, import master data from the
 * folder the settings name (if any), then start relaying the outbox to HQ. Any failure fails the
 * deployment, and {@code /health} reports DOWN.
 */
@ApplicationScoped
public class StoreStartup {

    private static final Logger LOG = Logger.getLogger(StoreStartup.class.getName());

    @Inject
    StoreSettings settings;

    @Inject
    Migrations migrations;

    @Inject
    MasterDataImport masterData;

    @Inject
    OutboxRelay relay;

    @Inject
    MobileCharges mobileCharges;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "store " + settings.storeId() + " (" + settings.storeName() + ") starting");
        // a payment gateway the settings name that this server does not have stops the start, naming the key
        String mobile = mobileCharges.enabled() ? "mobile payments through the payment gateway " + mobileCharges.gateway().name()
                : "mobile payments are off (guitai.payment.gateway=none)";
        LOG.info(mobile);
        migrations.migrate("store");
        masterData.importConfigured();
        relay.start();
    }
}
