package org.guitai.hq.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.security.Throttle;
import org.guitai.platform.testing.SettingsUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HQ refuses to start on a bad setting, naming the key and never a secret; good settings are read as meant. */
class HqSettingsTest {

    private static final String CREDENTIALS_KEY = "guitai.store-credentials-file";
    private static final Map<String, String> VALID = Map.of("guitai.db.url", "jdbc:mariadb://127.0.0.1:3306/guitai_hq");

    @TempDir
    Path home;

    private static final SettingsUnderTest<HqSettings> SETTINGS = new SettingsUnderTest<>(HqSettings::new, VALID);

    private Path credentialsFile(String content) throws IOException {
        return Files.writeString(home.resolve("store-credentials.properties"), content, StandardCharsets.UTF_8);
    }

    private static Map<String, String> credentials(Path file) {
        return Map.of(CREDENTIALS_KEY, file.toString());
    }

    @Test
    void defaultsServeAChineseChainAndImportNothing() {
        HqSettings settings = SETTINGS.read(Map.of());
        assertEquals("CNY", settings.currency().getCurrencyCode());
        assertEquals(ZoneId.of("Asia/Shanghai"), settings.zone());
        assertEquals(Duration.ofMinutes(60), settings.sessionIdle());
        assertEquals(Duration.ofHours(12), settings.sessionAbsolute());
        assertEquals(new Throttle.Policy(3, 6, Duration.ofMinutes(15), Duration.ofSeconds(60)), settings.loginPolicy());
        assertEquals(Optional.empty(), settings.importDir(), "a production start imports nothing unless told to");
        assertEquals(Optional.empty(), settings.storeCredentials());
    }

    @Test
    void goodValuesAreReadAsMeantAndBlankCountsAsAbsent() {
        HqSettings settings = SETTINGS.read(Map.of("guitai.currency", "HKD", "guitai.timezone", "Asia/Hong_Kong",
                "guitai.session.idle-minutes", " 15 ", "guitai.session.absolute-hours", "168"));
        assertEquals("HKD", settings.currency().getCurrencyCode());
        assertEquals(ZoneId.of("Asia/Hong_Kong"), settings.zone());
        assertEquals(Duration.ofMinutes(15), settings.sessionIdle());
        assertEquals(Duration.ofDays(7), settings.sessionAbsolute());
        assertEquals("CNY", SETTINGS.read(Map.of("guitai.currency", " ")).currency().getCurrencyCode(), "an empty environment variable is no setting");
    }

    @Test
    void aBadValueNamesItsKey() {
        assertTrue(SETTINGS.refusal(Map.of("guitai.currency", "RMB")).startsWith("guitai.currency is 'RMB': expected an ISO 4217 currency code"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.timezone", "Beijing")).startsWith("guitai.timezone is 'Beijing'"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.session.idle-minutes", "0")).startsWith("guitai.session.idle-minutes is 0: expected a number from 1 to 1440"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.session.idle-minutes", "sixty")).startsWith("guitai.session.idle-minutes is 'sixty'"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.session.absolute-hours", "169")).startsWith("guitai.session.absolute-hours is 169"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.login.lock-after", "3")).startsWith("guitai.login.lock-after is 3: expected more than guitai.login.free-attempts"),
                "a lock at the last free attempt would never slow anyone down first");
    }

    @Test
    void everyBadKeyIsNamedInTheOneRefusal() {
        String refused = SETTINGS.refusal(Map.of("guitai.currency", "RMB", "guitai.timezone", "Beijing", "guitai.db.url", ""));
        for (String key : new String[] {"guitai.currency", "guitai.timezone", "guitai.db.url"}) {
            assertTrue(refused.contains(key + " "), refused);
        }
    }

    @Test
    void keysNoLongerReadAreRefusedNamingTheirSuccessors() {
        String refused = SETTINGS.refusal(Map.of("guitai.sample-data", "true"));
        assertTrue(refused.startsWith("guitai.sample-data is no longer read"), refused);
        assertTrue(refused.contains("guitai.import-dir") && refused.contains("GUITAI_STORE_CREDENTIALS_FILE"), refused);
        assertTrue(SETTINGS.refusal(Map.of("guitai.sample-credentials", "x")).startsWith("guitai.sample-credentials is no longer read"));
    }

    @Test
    void aBadDatabaseUrlStopsTheStartNamingItsKey() {
        assertTrue(SETTINGS.refusal(Map.of("guitai.db.url", "jdbc:postgresql://db/guitai_hq")).startsWith("guitai.db.url is missing or not a MariaDB"));
    }

    @Test
    void theImportFolderMustBeAnAbsoluteReadableFolder() throws IOException {
        assertEquals(Optional.of(home), SETTINGS.read(Map.of("guitai.import-dir", home.toString())).importDir());
        assertTrue(SETTINGS.refusal(Map.of("guitai.import-dir", "config/hq/sample")).startsWith("guitai.import-dir is 'config/hq/sample'"),
                "relative to what? the launcher resolves relative paths before HQ sees them");
        assertTrue(SETTINGS.refusal(Map.of("guitai.import-dir", home.resolve("missing").toString())).startsWith("guitai.import-dir"));
        Path file = Files.writeString(home.resolve("stores.csv"), "id,name,city,currency\n");
        assertTrue(SETTINGS.refusal(Map.of("guitai.import-dir", file.toString())).startsWith("guitai.import-dir"), "the folder, not a file in it");
    }

    @Test
    void theCredentialsFileGivesEachNamedStoreItsCredential() throws IOException {
        Path file = credentialsFile("""
                # written by the operator, mode 600
                S001=k3Qz9-store-S001-7fA2
                S002 =   p8Lm2-store-S002-9xW4\s\s
                """);
        assertEquals(Optional.of(Map.of("S001", "k3Qz9-store-S001-7fA2", "S002", "p8Lm2-store-S002-9xW4")),
                SETTINGS.read(credentials(file)).storeCredentials(), "blanks around a credential are not part of it");
    }

    @Test
    void theCredentialsFileMustBeAnAbsolutePathOfAReadableFile() throws IOException {
        assertTrue(SETTINGS.refusal(Map.of(CREDENTIALS_KEY, "store-credentials.properties"))
                .startsWith(CREDENTIALS_KEY + " is 'store-credentials.properties': expected the absolute path of a readable file"));
        assertTrue(SETTINGS.refusal(credentials(home.resolve("missing.properties"))).startsWith(CREDENTIALS_KEY));
        assertTrue(SETTINGS.refusal(credentials(home)).startsWith(CREDENTIALS_KEY), "a folder is not the file");
    }

    @Test
    void aCredentialShorterThanSixteenCharactersIsRefusedNamingTheStoreButNotTheSecret() throws IOException {
        String refused = SETTINGS.refusal(credentials(credentialsFile("S001=k3Qz9-store-S001-7fA2\nS002=short-secret\n")));
        assertEquals(CREDENTIALS_KEY + " gives store S002 a credential of 12 characters: expected at least 16", refused);
        assertFalse(refused.contains("short-secret"));
        SETTINGS.read(credentials(credentialsFile("S001=exactly-16-chars\n")));
        assertTrue(SETTINGS.refusal(credentials(credentialsFile("S001=   \n"))).contains("a credential of 0 characters"));
    }

    @Test
    void aStoreIdMustBeOneToSixteenCapitalLettersOrDigits() throws IOException {
        assertEquals(CREDENTIALS_KEY + " names store 's001': expected 1 to 16 capital letters or digits",
                SETTINGS.refusal(credentials(credentialsFile("s001=k3Qz9-store-S001-7fA2\n"))));
        assertTrue(SETTINGS.refusal(credentials(credentialsFile("S0000000000000001=k3Qz9-store-S001-7fA2\n"))).contains("names store 'S0000000000000001'"),
                "seventeen characters do not fit the store id column");
        assertTrue(SETTINGS.refusal(credentials(credentialsFile("S-001=k3Qz9-store-S001-7fA2\n"))).contains("names store 'S-001'"));
    }

    @Test
    void aFileThatNamesNoStoreOrCannotBeReadIsRefused() throws IOException {
        Path empty = credentialsFile("# nothing yet\n\n");
        assertEquals(CREDENTIALS_KEY + " is '" + empty + "', which names no store", SETTINGS.refusal(credentials(empty)));
        String malformed = SETTINGS.refusal(credentials(credentialsFile("S001=k3Qz9-\\uZZZZ-store-S001\n")));
        assertTrue(malformed.startsWith(CREDENTIALS_KEY + " is '") && malformed.contains("cannot be read as STOREID=credential lines"), malformed);
    }

    @Test
    void everyBadLineOfTheCredentialsFileIsNamed() throws IOException {
        String refused = SETTINGS.refusal(credentials(credentialsFile("s001=k3Qz9-store-S001-7fA2\nS002=short\nS003=p8Lm2-store-S003-9xW4\n")));
        assertTrue(refused.contains("names store 's001'") && refused.contains("gives store S002"), refused);
        assertFalse(refused.contains("S003"), "a good line is no problem");
    }
}
