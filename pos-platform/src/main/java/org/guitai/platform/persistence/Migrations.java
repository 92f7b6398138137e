package org.guitai.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the server's schema to the version its build expects, forward only, before anything
 * reads it: the Flyway migrations under {@code db/migration} of the WAR that calls it.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = PosDataSource.JNDI_NAME)
    DataSource dataSource;

    /**
     * @param schema what the schema is, for the log ({@code store}, {@code HQ}); the migrations are
     * found by the web application's class loader, which this jar shares with the WAR's classes
     */
    public void migrate(String schema) {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // Flyway reports no target version when nothing was applied: the schema is then at its initial one
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "none (empty schema)";
        LOG.info(() -> schema + " schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
