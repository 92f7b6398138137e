package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The variables of component mode that the launcher itself reads. */
class GuitaiTest {

    @Test
    void bindAddressUnsetOrWildcardMeansEveryInterface() {
        assertEquals(Optional.empty(), Guitai.bindAddress(null));
        assertEquals(Optional.empty(), Guitai.bindAddress(" "));
        assertEquals(Optional.empty(), Guitai.bindAddress("0.0.0.0"));
        assertEquals(Optional.empty(), Guitai.bindAddress("::"));
        assertEquals(Optional.of("127.0.0.1"), Guitai.bindAddress(" 127.0.0.1 "));
    }

    @Test
    void aBadBindAddressOrPortIsRefusedByName() {
        for (String bad : new String[] {"300.1.2.3", "db.example", "1:2:3:4:5:6:7:8:9"}) {
            IllegalArgumentException address = assertThrows(IllegalArgumentException.class, () -> Guitai.bindAddress(bad));
            assertTrue(address.getMessage().startsWith("GUITAI_BIND_ADDRESS"), address.getMessage());
        }
        assertEquals(Optional.of("::1"), Guitai.bindAddress("::1"));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> Guitai.port("80a"));
        assertTrue(port.getMessage().startsWith("GUITAI_PORT"), port.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Guitai.port("70000"));
        assertEquals(8081, Guitai.port("8081"));
    }
}
