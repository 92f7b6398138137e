package org.guitai.store.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the store schema to the version this build expects, forward only, before anything reads it. */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = StoreDataSource.JNDI_NAME)
    DataSource dataSource;

    public void migrate() {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // Flyway reports no target version when nothing was applied: the schema is then at its initial one
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "none (empty schema)";
        LOG.info(() -> "store schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
