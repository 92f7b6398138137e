package org.guitai.store.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.csv.Csv;
import org.junit.jupiter.api.Test;

/** The demo's sample data in config/store/sample is what the demo promises. */
class SampleCatalogTest {

    private static final Path SAMPLE = Path.of(System.getProperty("guitai.config.dir", "../config")).resolve("store/sample");

    @Test
    void holdsAtLeastTwoHundredSellableProducts() throws IOException {
        List<Csv.Row> products = Csv.read(SAMPLE.resolve("products.csv"));
        assertTrue(products.size() >= 200, products.size() + " products");
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        for (Csv.Row p : products) {
            assertTrue(skus.add(p.get("sku")), "duplicate SKU " + p.get("sku"));
            assertTrue(barcodes.add(p.get("barcode")), "duplicate barcode " + p.get("barcode"));
            assertTrue(Ean13.isValid(p.get("barcode")), "bad check digit on line " + p.line());
            BigDecimal price = new BigDecimal(p.get("price"));
            assertTrue(price.signum() > 0 && price.scale() == 2, "price on line " + p.line());
            assertTrue(Set.of("0.13", "0.09").contains(p.get("vat_rate")), "VAT rate on line " + p.line());
            for (String column : List.of("name", "brand", "model", "spec", "colour", "unit")) {
                assertTrue(!p.get(column).isBlank(), column + " on line " + p.line());
            }
        }
        Map<String, Long> byRate = products.stream().collect(Collectors.groupingBy(p -> p.get("vat_rate"), Collectors.counting()));
        assertTrue(byRate.get("0.13") > 0 && byRate.get("0.09") > 0, byRate.toString());
        Set<String> stocked = Csv.read(SAMPLE.resolve("stock.csv")).stream().map(r -> r.get("sku")).collect(Collectors.toSet());
        assertEquals(skus, stocked, "every product has opening stock");
    }

    @Test
    void holdsTheDemoIdentities() throws IOException {
        Map<String, String> roles = Csv.read(SAMPLE.resolve("staff.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("code") + ":" + r.get("pin"), r -> r.get("roles")));
        assertEquals("CASHIER", roles.get("C001:2468"));
        assertEquals("SALES_ASSOCIATE", roles.get("A001:8642"));
        assertTrue(roles.get("M001:1357").contains("STORE_MANAGER"));
        assertTrue(Csv.read(SAMPLE.resolve("terminals.csv")).stream().anyMatch(r -> r.get("id").equals("T1")));
    }
}
