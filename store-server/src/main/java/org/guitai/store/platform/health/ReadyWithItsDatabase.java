package org.guitai.store.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;
import org.guitai.platform.health.DatabaseReadiness;

/** Ready only while the database answers: nothing here works without it. */
@Readiness
@ApplicationScoped
public class ReadyWithItsDatabase extends DatabaseReadiness {
}
