package org.guitai.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.platform.persistence.Migrations;
import org.guitai.store.sample.SampleData;
import org.guitai.store.sync.service.OutboxRelay;

/**
 * Start-up in order: refuse bad settings, bring the schema up to date, load the demo's sample data
 * if asked to, then start relaying the outbox to HQ. Any failure fails the deployment, and
 * {@code /health} reports DOWN.
 */
@ApplicationScoped
public class StoreStartup {

    private static final Logger LOG = Logger.getLogger(StoreStartup.class.getName());

    @Inject
    StoreSettings settings;

    @Inject
    Migrations migrations;

    @Inject
    SampleData sampleData;

    @Inject
    OutboxRelay relay;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "store " + settings.storeId() + " (" + settings.storeName() + ") starting");
        migrations.migrate();
        settings.sampleData().ifPresent(sampleData::load);
        relay.start();
    }
}
