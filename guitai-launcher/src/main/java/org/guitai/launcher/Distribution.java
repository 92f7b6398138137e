package org.guitai.launcher;

import java.nio.file.Path;

/**
 * The folder the launcher is installed in, which an operator copies to a server as a whole: its
 * {@code bin/guitai}, {@code lib/} (the launcher's class path), {@code wars/} (the three
 * applications), {@code runtime/} (Payara Micro and the MariaDB driver it is given) and
 * {@code config/} (the committed defaults and the demo's sample data). Everything the launcher runs
 * or reads comes from here, never from a source checkout.
 */
public record Distribution(Path home) {

    /** The applications of {@code wars/}, each run by one component. */
    public static final String HQ = "hq-server";
    public static final String STORE = "store-server";
    public static final String TERMINAL = "pos-terminal";

    public Distribution {
        home = home.toAbsolutePath().normalize();
    }

    /** The distribution this launcher runs from, as {@code bin/guitai} names it ({@code -Dguitai.distribution}). */
    public static Distribution located() {
        String named = System.getProperty("guitai.distribution");
        if (named == null || named.isBlank()) {
            throw new IllegalStateException("the launcher runs from a distribution: start it with bin/guitai");
        }
        return new Distribution(Path.of(named));
    }

    public Path war(String application) {
        return home.resolve("wars").resolve(application + ".war");
    }

    public Path payaraJar() {
        return home.resolve("runtime").resolve("payara-micro.jar");
    }

    /** The MariaDB JDBC driver, put on Payara's own class path: the WARs do not carry it. */
    public Path driverJar() {
        return home.resolve("runtime").resolve("mariadb-java-client.jar");
    }

    public Path config() {
        return home.resolve("config");
    }
}
