package org.guitai.terminal.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSnapshotTest {

    @TempDir
    Path dir;

    private static ByteArrayInputStream answer(long version, String... products) {
        return new ByteArrayInputStream(("{\"version\":" + version + ",\"products\":[" + String.join(",", products) + "]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String product(String sku, String barcode, String price) {
        return "{\"sku\":\"" + sku + "\",\"barcode\":\"" + barcode + "\",\"name\":\"n" + sku + "\",\"price\":\"" + price
                + "\",\"currency\":\"CNY\",\"vatRate\":\"0.13\",\"stock\":\"5\",\"version\":1}";
    }

    @Test
    void aFullLoadThenDeltasSurviveARestart() {
        CatalogSnapshot snapshot = new CatalogSnapshot(dir);
        assertEquals(2, snapshot.apply(answer(7, product("A", "111", "1.00"), product("B", "222", "2.00")), true));
        assertEquals(1, snapshot.apply(answer(9, product("A", "333", "1.50")), false));

        CatalogSnapshot reopened = new CatalogSnapshot(dir);
        assertEquals(9, reopened.version());
        assertEquals(2, reopened.size());
        assertEquals("1.50", reopened.byBarcode("333").orElseThrow().price());
        assertTrue(reopened.byBarcode("111").isEmpty(), "the old barcode of a product is no longer found");
        assertEquals("2.00", reopened.bySku("B").orElseThrow().price());
        assertEquals(1, reopened.search("nb", 10).size());

        reopened.apply(answer(10, product("B", "222", "2.00").replace("\"version\":1", "\"active\":false,\"version\":10")), false);
        assertTrue(new CatalogSnapshot(dir).byBarcode("222").isEmpty(), "a product the store no longer sells is not sold offline");
    }

    @Test
    void aNewFullLoadReplacesTheSnapshot() {
        CatalogSnapshot snapshot = new CatalogSnapshot(dir);
        snapshot.apply(answer(3, product("A", "111", "1.00")), true);
        snapshot.apply(answer(4, product("C", "444", "4.00")), true);
        CatalogSnapshot reopened = new CatalogSnapshot(dir);
        assertEquals(1, reopened.size());
        assertTrue(reopened.byBarcode("111").isEmpty());
        assertEquals(4, reopened.version());
    }
}
