package org.guitai.terminal.counter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.guitai.kernel.problem.PosException;
import org.junit.jupiter.api.Test;

class StorePathTest {

    @Test
    void keepsAPathOfTheStoreAsItWasSent() {
        for (String path : List.of("sales", "sales/5f0c/lines", "products", "catalog;v=2/%E7%94%B5%E9%A5%AD%E7%85%B2",
                "sales/1/slip.png", "a+b/%25/~x", "sales/%E9%9B%BB", "电饭煲")) {
            assertEquals(path, StorePath.parse(path).raw(), path);
        }
    }

    @Test
    void refusesSegmentsThatCouldNameAnotherPlace() {
        for (String path : List.of("", "/sales", "sales/", "sales//lines", ".", "..", "sales/../staff", "../terminal", "./sales",
                "sales/%2E%2E/staff", "%2e%2e", "%2E", "sales/%2Fetc", "sales/%5C..", "sales\\x", "sales/%0Ax", "sales/%00",
                "sales/%7F", "sales/%C0%AE%C0%AE", "sales/%E7%94", "sales/%", "sales/%4", "sales/%G1", "sales/\uD800x")) {
            PosException refusal = assertThrows(PosException.class, () -> StorePath.parse(path), path);
            assertEquals(400, refusal.status(), path);
        }
    }

    @Test
    void decodesPercentEscapesAsUtf8AndLeavesPlusAlone() {
        assertEquals(Optional.of("电饭煲 3L"), StorePath.decode("%E7%94%B5%E9%A5%AD%E7%85%B2%203L"));
        assertEquals(Optional.of("a+b"), StorePath.decode("a+b"));
        assertEquals(Optional.of("\uD83D\uDCB4"), StorePath.decode("\uD83D\uDCB4"));
        assertEquals(Optional.empty(), StorePath.decode("%FF"));
    }
}
