package org.guitai.platform.health;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.guitai.platform.persistence.PosDataSource;

/**
 * Ready only while the server's database answers. A server with a database makes it its
 * readiness check with a subclass that is a {@code @Readiness} bean; the terminal, which keeps no
 * database, has none.
 */
public abstract class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = PosDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
