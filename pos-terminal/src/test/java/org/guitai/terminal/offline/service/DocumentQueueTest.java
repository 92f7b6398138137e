package org.guitai.terminal.offline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentQueueTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheOrderAcrossARestartAndLetsGoOnlyOfWhatIsAcknowledged() {
        DocumentQueue queue = new DocumentQueue(dir);
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        ids.forEach(id -> queue.add(id, "{\"id\":\"" + id + "\"}"));
        queue.add(ids.get(0), "{\"again\":true}");

        DocumentQueue reopened = new DocumentQueue(dir);
        assertEquals(ids, reopened.waiting().stream().map(DocumentQueue.Queued::saleId).toList());
        assertEquals("{\"id\":\"" + ids.get(0) + "\"}", reopened.waiting().get(0).document());

        reopened.remove(ids.get(0));
        reopened.remove(ids.get(0));
        String later = UUID.randomUUID().toString();
        reopened.add(later, "{}");

        assertEquals(List.of(ids.get(1), ids.get(2), later), new DocumentQueue(dir).waiting().stream().map(DocumentQueue.Queued::saleId).toList());
    }

    @Test
    void aRefusedSaleIsKeptWithTheReasonOutOfTheLine() {
        DocumentQueue queue = new DocumentQueue(dir);
        String id = UUID.randomUUID().toString();
        queue.add(id, "{\"id\":\"" + id + "\"}");
        queue.setAside(id, "{\"status\":422}");

        DocumentQueue reopened = new DocumentQueue(dir);
        assertEquals(0, reopened.size());
        assertTrue(reopened.wasRefused(id));
        assertEquals(List.of("{\"document\":{\"id\":\"" + id + "\"},\"refusal\":{\"status\":422}}"), reopened.refused());

        assertTrue(reopened.requeue(id), "a manager sends it again");
        DocumentQueue again = new DocumentQueue(dir);
        assertEquals(List.of("{\"id\":\"" + id + "\"}"), again.waiting().stream().map(DocumentQueue.Queued::document).toList());
        assertEquals(List.of(), again.refused());
        assertTrue(!again.requeue(id));
    }

    @Test
    void aWriteACrashInterruptedIsNotASale() throws IOException {
        new DocumentQueue(dir);
        Files.writeString(dir.resolve("queue").resolve("000000000001-" + UUID.randomUUID() + ".json.tmp"), "{\"half");
        DocumentQueue reopened = new DocumentQueue(dir);
        assertEquals(0, reopened.size());
        try (var left = Files.list(dir.resolve("queue"))) {
            assertEquals(0, left.count());
        }
    }
}
