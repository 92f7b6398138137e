package org.guitai.platform.config;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.guitai.kernel.settings.SettingsReader;

/**
 * A server's one settings bean, read once from MicroProfile Config and checked at start-up: a bad
 * or missing value stops the deployment with a message naming every bad key at once, instead of
 * failing later at the counter. Keys map to environment variables the MicroProfile way
 * ({@code guitai.hq.url} -> {@code GUITAI_HQ_URL}).
 */
public abstract class Settings {

    @Inject
    Config config;

    @PostConstruct
    void load() {
        readFrom(config);
    }

    /**
     * Reads and checks every setting from {@code config} (the server's own at start, fixed values in a test).
     *
     * @throws org.guitai.kernel.settings.InvalidSettingsException naming every bad key
     */
    public void readFrom(Config config) {
        SettingsReader r = new SettingsReader(key -> config.getOptionalValue(key, String.class));
        read(r);
        r.failIfAny();
    }

    /** Reads each setting of the server; the reader collects the problems. */
    protected abstract void read(SettingsReader r);
}
