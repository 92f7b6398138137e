package org.guitai.kernel.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    private static List<Csv.Row> parse(String text) throws IOException {
        return Csv.parse(new StringReader(text));
    }

    @Test
    void readsRowsByHeader() throws IOException {
        List<Csv.Row> rows = parse("sku,name,price\r\n# a comment\nA1,\"Kettle, 1.7 L\",129.00\n\nA2,\"Say \"\"hi\"\"\",5\n");
        assertEquals(2, rows.size());
        assertEquals("Kettle, 1.7 L", rows.get(0).get("name"));
        assertEquals(3, rows.get(0).line());
        assertEquals("Say \"hi\"", rows.get(1).get("name"));
        assertEquals("5", rows.get(1).get("price"));
        assertEquals(5, rows.get(1).line());
    }

    @Test
    void keepsLineBreaksInsideQuotesAndCountsThemInTheLinesOfLaterRows() throws IOException {
        List<Csv.Row> rows = parse("a,b\n\"x\ny\",z\r\n\"p\r\nq\r\nr\",s\n# two more lines\n\nlast,one");
        assertEquals("x\ny", rows.get(0).get("a"));
        assertEquals("z", rows.get(0).get("b"));
        assertEquals(2, rows.get(0).line());
        assertEquals("p\r\nq\r\nr", rows.get(1).get("a"));
        assertEquals(4, rows.get(1).line());
        assertEquals("one", rows.get(2).get("b"));
        assertEquals(9, rows.get(2).line(), "the last row has no line break after it");
    }

    @Test
    void takesSpacesAroundFieldsAndHeaderNamesAway() throws IOException {
        Csv.Row row = parse(" sku , name \n A1 ,  \"  Kettle \"  \n").get(0);
        assertEquals("A1", row.get("sku"));
        assertEquals("Kettle", row.get("name"));
    }

    @Test
    void readsUtf8WithOrWithoutAByteOrderMark(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("staff.csv");
        Files.writeString(file, "\uFEFFcode,name\nC001,张伟\n", StandardCharsets.UTF_8);
        Csv.Row row = Csv.read(file).get(0);
        assertEquals("C001", row.get("code"), "the mark is not part of the first column's name");
        assertEquals("张伟", row.get("name"));
        assertEquals(2, row.line());
        Files.writeString(file, "code,name\nC002,\"李娜, 店长\"\n", StandardCharsets.UTF_8);
        assertEquals("李娜, 店长", Csv.read(file).get(0).get("name"));
    }

    @Test
    void anEmptyOrHeaderOnlyFileHasNoRowsAndAnAbsentOneIsEmpty(@TempDir Path folder) throws IOException {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("sku,name\n"));
        assertEquals(List.of(), parse("# nothing yet\n\n"));
        assertEquals(List.of(), Csv.readIfPresent(folder.resolve("products.csv")));
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("a,b\n1,2\n3\n"));
        assertEquals("line 3: 1 fields, the header has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("a,b\n1,\"2\n\",3\n"));
        assertEquals("line 2: 3 fields, the header has 2", e.getMessage());
    }

    @Test
    void refusesUnknownColumnsAndMalformedQuotesNamingTheLine() throws IOException {
        Csv.Row row = parse("a\n1").get(0);
        assertThrows(IllegalArgumentException.class, () -> row.get("b"));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> parse("a\n\"1"));
        assertTrue(open.getMessage().startsWith("is not valid CSV: ") && open.getMessage().contains("line 2"), open.getMessage());
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class, () -> parse("a,b\n1,2\n\"3\"x,4\n"));
        assertTrue(after.getMessage().contains("line: 3"), after.getMessage());
    }

    @Test
    void refusesAHeaderWithABlankOrRepeatedName() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> parse("# header next\nsku,,price\nA1,x,1\n"));
        assertEquals("line 2: the header [sku, , price] has a column without a name", blank.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> parse("sku,name,sku\nA1,x,A2\n"));
        assertEquals("line 1: the header names column 'sku' twice", twice.getMessage());
    }

    enum Colour { RED, GREEN }

    @Test
    void readsASetOfConstantsAndNamesTheColumnOfABadOne() throws IOException {
        Csv.Row row = parse("code,colours\nA,RED|GREEN\nB,RED|BLUE\n").get(0);
        assertEquals(EnumSet.of(Colour.RED, Colour.GREEN), row.constants("colours", Colour.class));
        Csv.Row bad = parse("code,colours\nB,RED|BLUE\n").get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.constants("colours", Colour.class));
        assertEquals("colours 'RED|BLUE': expected some of [RED, GREEN] separated by |", e.getMessage());
    }

    @Test
    void namesTheFileAndLineOfAProblem() throws IOException {
        Path file = Path.of("import/products.csv");
        Csv.Row row = parse("sku\nA1\nA1\n").get(1);
        assertEquals("import/products.csv line 3: SKU A1 appears twice", row.problem(file, "SKU A1 appears twice").getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Csv.importing(file, f -> row.get("price")));
        assertEquals("import/products.csv line 3: no column 'price'", missing.getMessage());
        assertEquals("2 rows", Csv.importing(file, f -> "2 rows"));
    }

    @Test
    void namesTheFileOfAFileThatIsNotCsv(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("stock.csv");
        Files.writeString(file, "sku,on_hand\nA1,\"5\n", StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Csv.importing(file, Csv::readIfPresent));
        assertTrue(e.getMessage().startsWith(file + " is not valid CSV: ") && e.getMessage().contains("line 2"), e.getMessage());
    }
}
