package org.guitai.kernel.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsRowsByHeader() throws IOException {
        List<Csv.Row> rows = Csv.parse(new StringReader("sku,name,price\r\n# a comment\nA1,\"Kettle, 1.7 L\",129.00\n\nA2,\"Say \"\"hi\"\"\",5\n"));
        assertEquals(2, rows.size());
        assertEquals("Kettle, 1.7 L", rows.get(0).get("name"));
        assertEquals(3, rows.get(0).line());
        assertEquals("Say \"hi\"", rows.get(1).get("name"));
        assertEquals("5", rows.get(1).get("price"));
    }

    @Test
    void keepsLineBreaksInsideQuotes() throws IOException {
        List<Csv.Row> rows = Csv.parse(new StringReader("a,b\n\"x\ny\",z"));
        assertEquals("x\ny", rows.get(0).get("a"));
        assertEquals("z", rows.get(0).get("b"));
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.parse(new StringReader("a,b\n1,2\n3\n")));
        assertEquals("line 3: 1 fields, the header has 2", e.getMessage());
    }

    @Test
    void refusesUnknownColumnsAndOpenQuotes() throws IOException {
        Csv.Row row = Csv.parse(new StringReader("a\n1")).get(0);
        assertThrows(IllegalArgumentException.class, () -> row.get("b"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse(new StringReader("a\n\"1")));
    }

    enum Colour { RED, GREEN }

    @Test
    void readsASetOfConstantsAndNamesTheColumnOfABadOne() throws java.io.IOException {
        Csv.Row row = Csv.parse(new java.io.StringReader("code,colours\nA,RED|GREEN\nB,RED|BLUE\n")).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.EnumSet.of(Colour.RED, Colour.GREEN), row.constants("colours", Colour.class));
        Csv.Row bad = Csv.parse(new java.io.StringReader("code,colours\nB,RED|BLUE\n")).get(0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> bad.constants("colours", Colour.class));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("colours 'RED|BLUE'") && e.getMessage().contains("[RED, GREEN]"), e.getMessage());
    }

    @Test
    void namesTheFileAndLineOfAProblem() throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of("import/products.csv");
        Csv.Row row = Csv.parse(new StringReader("sku\nA1\nA1\n")).get(1);
        assertEquals("import/products.csv line 3: SKU A1 appears twice", row.problem(file, "SKU A1 appears twice").getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Csv.importing(file, f -> row.get("price")));
        assertEquals("import/products.csv line 3: no column 'price'", missing.getMessage());
        assertEquals("2 rows", Csv.importing(file, f -> "2 rows"));
    }
}
