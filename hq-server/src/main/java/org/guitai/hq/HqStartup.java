package org.guitai.hq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.guitai.hq.masterdata.MasterDataImport;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.platform.persistence.Migrations;

/** Start-up in order: refuse bad settings, bring the schema up to date, import the master data the settings name. */
@ApplicationScoped
public class HqStartup {

    private static final Logger LOG = Logger.getLogger(HqStartup.class.getName());

    @Inject
    HqSettings settings;

    @Inject
    Migrations migrations;

    @Inject
    MasterDataImport masterData;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "HQ starting, reporting in " + settings.currency().getCurrencyCode());
        migrations.migrate("HQ");
        masterData.importConfigured();
    }
}
