package org.guitai.kernel.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    private static SettingsReader over(Map<String, String> values) {
        return new SettingsReader(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void readsGoodValues() {
        SettingsReader r = over(Map.of("a", " S001 ", "n", "42", "u", "http://hq:8082"));
        assertEquals("S001", r.required("a", v -> v.matches("[A-Z0-9]+"), "letters"));
        assertEquals(42, r.number("n", 1, 1, 100));
        assertEquals(URI.create("http://hq:8082"), r.optionalParsed("u", URI::create, "a URL").orElseThrow());
        assertEquals(7, r.number("missing", 7, 1, 100));
        r.failIfAny();
    }

    @Test
    void namesEveryBadKey() {
        SettingsReader r = over(Map.of("id", "s 1", "n", "lots", "m", "500", "blank", "  "));
        r.required("id", v -> v.matches("[A-Z0-9]+"), "capital letters or digits");
        r.required("blank", v -> true, "something");
        assertEquals(5, r.number("n", 5, 1, 100));
        assertEquals(5, r.number("m", 5, 1, 100));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, r::failIfAny);
        assertEquals(4, e.problems().size());
        assertTrue(e.getMessage().contains("id is 's 1': expected capital letters or digits"), e.getMessage());
        assertTrue(e.getMessage().contains("blank is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("n is 'lots': expected a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("m is 500: expected a number from 1 to 100"), e.getMessage());
    }

    @Test
    void aDatabaseUrlMustBeMariaDbsAndABadOneIsNamedButNeverEchoed() {
        SettingsReader bad = over(Map.of("guitai.db.url", "mariadb://db:3306/guitai_hq?password=s3cret"));
        bad.databaseUrl("guitai.db.url", "jdbc:mariadb://db.example:3306/guitai_hq");
        String refused = String.join("; ", bad.problems());
        assertTrue(refused.startsWith("guitai.db.url is missing or not a MariaDB JDBC URL: expected e.g. jdbc:mariadb://db.example"), refused);
        assertFalse(refused.contains("s3cret"), "a URL may carry a password: " + refused);
        for (String refusedUrl : new String[] {"", "jdbc:postgresql://db/guitai_hq", "jdbc:mariadb://db/guitai hq"}) {
            SettingsReader r = over(Map.of("guitai.db.url", refusedUrl));
            r.databaseUrl("guitai.db.url", "an example");
            assertEquals(1, r.problems().size(), refusedUrl);
        }
        for (String url : new String[] {"jdbc:mysql://db.example:3306/guitai_hq?useSSL=true", "jdbc:mariadb:replication://db1,db2/guitai_s001",
                "jdbc:mariadb://localhost/guitai_s001?localSocket=/run/mysqld/mysqld.sock", "jdbc:mariadb://127.0.0.1:3316"}) {
            SettingsReader r = over(Map.of("guitai.db.url", url));
            r.databaseUrl("guitai.db.url", "an example");
            r.failIfAny();
        }
    }
}
