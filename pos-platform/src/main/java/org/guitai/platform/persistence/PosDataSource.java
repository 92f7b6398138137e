package org.guitai.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/**
 * The server's MariaDB, under one JNDI name in every server that has a database (each WAR is its
 * own application, so the names never meet). Coordinates come from settings
 * ({@code GUITAI_DB_URL}, {@code GUITAI_DB_USER}, {@code GUITAI_DB_PASSWORD}); an empty or unset
 * password means none (the {@code :} gives Payara an empty default, else it would send the
 * unresolved expression as the password). Connections are validated before use so the pool
 * survives a database restart.
 * <p>
 * The terminal, which keeps no database, carries this definition unused: the pool is made only
 * when a connection is first asked for (hence the empty defaults, which keep its log quiet).
 */
@DataSourceDefinition(
        name = PosDataSource.JNDI_NAME,
        // the driver, not its XADataSource: one local transaction per request, no XA START/END/COMMIT round trips
        className = "org.mariadb.jdbc.Driver",
        url = "${MPCONFIG=guitai.db.url:}",
        user = "${MPCONFIG=guitai.db.user:}",
        password = "${MPCONFIG=guitai.db.password:}",
        // every transaction reads what is committed when it reads: after taking a row lock it sees
        // the rows the lock holder wrote (REPEATABLE READ would keep showing its first snapshot)
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
                "fish.payara.fail-all-connections=true",
                // a pooled connection is checked at most every 30 s, not before every statement
                "fish.payara.validate-atmost-once-period-in-seconds=30",
                // the store's RowBatch sends a sale's rows of several tables in one round trip; as several
                // statements may then go in one request, no SQL text is ever built from input
                "allowMultiQueries=true"
        })
@ApplicationScoped
public class PosDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/guitai";
}
