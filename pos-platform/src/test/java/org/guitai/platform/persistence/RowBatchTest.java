package org.guitai.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBatchTest {

    private static final List<String> COLUMNS = List.of("id", "name");

    @Test
    void rowsOfOneTableAreOneStatementAndTablesFollowInTheOrderAdded() {
        RowBatch batch = new RowBatch()
                .insert(RowBatch.table("sale", COLUMNS), "s1", "a")
                .insertRows(RowBatch.table("sale_line", COLUMNS), List.of(List.of("l1", "x"), List.of("l2", "y"), List.of("l3", "z")));
        assertEquals("insert into sale (id, name) values (?, ?);\n"
                + "insert into sale_line (id, name) values (?, ?), (?, ?), (?, ?)", batch.sql());
        assertFalse(batch.isEmpty());
    }

    @Test
    void noRowsNoStatement() {
        RowBatch batch = new RowBatch().insertRows(RowBatch.table("rejected_note", COLUMNS), List.of());
        assertTrue(batch.isEmpty());
        assertEquals("", batch.sql());
        assertEquals("insert into sale (id, name) values (?, ?)", batch.insert(RowBatch.table("sale", COLUMNS), "s1", null).sql(), "a null is a value");
    }

    @Test
    void runningTotalsAndUpdatesJoinTheSameRoundTrip() {
        RowBatch batch = new RowBatch()
                .insert(RowBatch.table("sale", COLUMNS), "s1", "a")
                .update(new Update("update shift set sales = sales + ? where id = ?", List.of(1, "h1")), 1)
                .upsertRows(RowBatch.table("day_figure", List.of("name", "n")), List.of(List.of("SALES", 1), List.of("HOUR", 1)), "n = n + values(n)");
        assertEquals("insert into sale (id, name) values (?, ?);\n"
                + "update shift set sales = sales + ? where id = ?;\n"
                + "insert into day_figure (name, n) values (?, ?), (?, ?) on duplicate key update n = n + values(n)", batch.sql());
        assertTrue(new RowBatch().upsertRows(RowBatch.table("day_figure", COLUMNS), List.of(), "n = n + 1").isEmpty());
    }

    @Test
    void aRowMustHaveAValueForEveryColumn() {
        RowBatch batch = new RowBatch();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> batch.insertRows(RowBatch.table("sale_line", COLUMNS), List.of(List.of("l1", "x"), Arrays.asList("l2"))));
        assertEquals("sale_line: 1 values for 2 columns", refused.getMessage());
    }

    @Test
    void onlyPlainNamesGoIntoTheText() {
        assertThrows(IllegalArgumentException.class, () -> RowBatch.table("sale; drop table sale", COLUMNS));
        assertThrows(IllegalArgumentException.class, () -> RowBatch.table("sale", List.of("id", "name) values (1, 2); --")));
    }

    @Test
    void aValueOfNoKnownColumnTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RowBatch.bind(null, 1, new Object()));
    }
}
