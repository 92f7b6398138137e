package org.guitai.platform.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import org.guitai.kernel.testing.JsonHttp;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What a server's integration test deploys and talks to: the WAR its build produced, and the API under {@code /api/}. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The WAR the build produced (system property {@code guitai.war}), deployed as {@code name},
     * with the {@link ProblemProbe} added.
     */
    public static WebArchive builtWar(String name) {
        return ProblemChecks.withProbe(ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(System.getProperty("guitai.war")))
                .as(WebArchive.class));
    }

    /** A JSON client of the deployed server's {@code /api/}. */
    public static JsonHttp api(URL base) {
        try {
            return new JsonHttp(base.toURI().resolve("api/"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
