package org.guitai.hq.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.guitai.kernel.security.Throttle;
import org.guitai.kernel.settings.SettingsReader;
import org.guitai.platform.config.Settings;

/**
 * Every setting of the HQ server, read once and checked at start-up; a bad value stops the
 * deployment with a message naming the key. Keys map to environment variables the MicroProfile way.
 */
@ApplicationScoped
public class HqSettings extends Settings {

    private Currency currency;
    private ZoneId zone;
    private Duration sessionIdle;
    private Duration sessionAbsolute;
    private Optional<Path> importDir;
    private Optional<Map<String, String>> storeCredentials;
    private Throttle.Policy loginPolicy;

    @Override
    protected void read(SettingsReader r) {
        currency = r.parsed("guitai.currency", "CNY", Currency::getInstance, "an ISO 4217 currency code");
        zone = r.parsed("guitai.timezone", "Asia/Shanghai", ZoneId::of, "a time-zone id such as Asia/Shanghai");
        sessionIdle = Duration.ofMinutes(r.number("guitai.session.idle-minutes", 60, 1, 24 * 60));
        sessionAbsolute = Duration.ofHours(r.number("guitai.session.absolute-hours", 12, 1, 24 * 7));
        importDir = r.optionalParsed("guitai.import-dir", SettingsReader::readableFolder,
                "an absolute path of a readable folder of master-data CSV files");
        storeCredentials = r.optional("guitai.store-credentials-file").flatMap(file -> credentials(r, file));
        for (String old : new String[] {"guitai.sample-data", "guitai.sample-credentials"}) {
            if (r.optional(old).isPresent()) {
                r.problem(old, "is no longer read: name the folder to import with guitai.import-dir (GUITAI_IMPORT_DIR)"
                        + " and the store credentials file with guitai.store-credentials-file (GUITAI_STORE_CREDENTIALS_FILE)");
            }
        }
        loginPolicy = Throttle.Policy.read(r);
        r.databaseUrl("guitai.db.url", "jdbc:mariadb://db.example:3306/guitai_hq");
    }

    /**
     * The store credentials file: a properties file of {@code STOREID=credential} lines, each credential
     * a random secret of at least 16 characters. Problems name the store, never the secret.
     */
    static Optional<Map<String, String>> credentials(SettingsReader r, String value) {
        String key = "guitai.store-credentials-file";
        Path file = Path.of(value);
        if (!file.isAbsolute() || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            r.problem(key, "is '" + value + "': expected the absolute path of a readable file of STOREID=credential lines");
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            r.problem(key, "is '" + value + "', which cannot be read as STOREID=credential lines: " + e.getMessage());
            return Optional.empty();
        }
        Map<String, String> credentials = new TreeMap<>();
        for (String store : properties.stringPropertyNames()) {
            String credential = properties.getProperty(store).trim();
            if (!store.matches("[A-Z0-9]{1,16}")) {
                r.problem(key, "names store '" + store + "': expected 1 to 16 capital letters or digits");
            } else if (credential.length() < 16) {
                r.problem(key, "gives store " + store + " a credential of " + credential.length() + " characters: expected at least 16");
            } else {
                credentials.put(store, credential);
            }
        }
        if (credentials.isEmpty() && properties.isEmpty()) {
            r.problem(key, "is '" + value + "', which names no store");
        }
        return Optional.of(Map.copyOf(credentials));
    }

    /** The chain's reporting currency. */
    public Currency currency() {
        return currency;
    }

    /** The zone of business dates when a report is asked for "today". */
    public ZoneId zone() {
        return zone;
    }

    public Duration sessionIdle() {
        return sessionIdle;
    }

    public Duration sessionAbsolute() {
        return sessionAbsolute;
    }

    /** How wrong passwords are throttled per staff code. */
    public Throttle.Policy loginPolicy() {
        return loginPolicy;
    }

    /**
     * The folder of master-data CSV files imported at start (the demo names its sample folder); absent
     * unless the operator names one, and then nothing is imported.
     */
    public Optional<Path> importDir() {
        return importDir;
    }

    /** The stores' credentials from the operator's file (the demo writes one into its home), by store id. */
    public Optional<Map<String, String>> storeCredentials() {
        return storeCredentials;
    }
}
