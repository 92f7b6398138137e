package org.guitai.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The demo chain as the end-to-end tests start it, each in its own folder and databases. */
final class TestChains {

    private TestChains() {
    }

    /** The MariaDB that {@code GUITAI_TEST_DB_URL} names (with its user and password), else an embedded one under home. */
    static DatabaseServer database(Path home) throws Exception {
        Guitai.deleteTree(home.resolve("payara"));
        Guitai.deleteTree(home.resolve("logs"));
        String external = System.getenv("GUITAI_TEST_DB_URL");
        return external != null && !external.isBlank()
                ? new DatabaseServer.Existing(external, Optional.ofNullable(System.getenv("GUITAI_TEST_DB_USER")).orElse("root"),
                Optional.ofNullable(System.getenv("GUITAI_TEST_DB_PASSWORD")).orElse(""))
                : EmbeddedDatabase.start(home.resolve("mariadb"), home.resolve("db"), home.resolve("run"), 0);
    }

    /** HQ, store S001 and terminal T1 on free ports, on new empty databases named with the prefix, not started yet. */
    static Chain prepare(Path home, DatabaseServer database, String prefix, String credential) throws Exception {
        return prepare(home, database, prefix, credential, Map.of());
    }

    /** The same, the terminal started with these settings on top of the demo's. */
    static Chain prepare(Path home, DatabaseServer database, String prefix, String credential, Map<String, String> terminalSettings)
            throws Exception {
        database.dropDatabase(prefix + "hq");
        database.dropDatabase(prefix + "s001");
        Guitai.deleteTree(home.resolve("terminal-t1"));
        return Chain.prepare(new Chain.Layout(Distribution.located(), home, EmbeddedDatabase.freePort(), EmbeddedDatabase.freePort(),
                EmbeddedDatabase.freePort(), prefix), database, credential, System::getenv, terminalSettings);
    }
}
