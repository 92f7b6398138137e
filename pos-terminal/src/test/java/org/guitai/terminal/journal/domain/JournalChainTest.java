package org.guitai.terminal.journal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.terminal.journal.service.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalChainTest {

    @TempDir
    Path dir;

    private List<String> chain(int entries) {
        List<String> lines = new ArrayList<>();
        String prev = JournalChain.GENESIS;
        for (int i = 1; i <= entries; i++) {
            String line = JournalChain.line(i, "2026-12-06T10:00:0" + i + "Z", "SALE", Map.of("saleId", Json.createValue("s" + i),
                    "total", Json.createValue(i + ".00")), prev);
            lines.add(line);
            prev = JournalChain.hashOf(line);
        }
        return lines;
    }

    @Test
    void anUntouchedChainHolds() {
        JournalChain.Verdict verdict = JournalChain.verify(chain(5));
        assertTrue(verdict.ok());
        assertEquals(5, verdict.entries());
    }

    @Test
    void anEditedEntryIsNamed() {
        List<String> lines = chain(5);
        lines.set(2, lines.get(2).replace("\"total\":\"3.00\"", "\"total\":\"0.30\""));
        assertEquals(Optional.of(3L), JournalChain.verify(lines).firstBadSeq());
    }

    @Test
    void anEditedEntryWithItsHashRewrittenIsNamedByTheNextLink() {
        List<String> lines = chain(5);
        String body = lines.get(2).substring(65).replace("\"total\":\"3.00\"", "\"total\":\"0.30\"");
        lines.set(2, JournalChain.sha256(body) + " " + body);
        assertEquals(Optional.of(4L), JournalChain.verify(lines).firstBadSeq());
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<String> lines = chain(5);
        lines.remove(1);
        JournalChain.Verdict verdict = JournalChain.verify(lines);
        assertFalse(verdict.ok());
        assertEquals(Optional.of(2L), verdict.firstBadSeq());
    }

    @Test
    void theJournalOnDiskSurvivesARestartAndATornLastLine() throws IOException {
        Journal journal = Journal.in(dir);
        journal.append(Journal.Type.SALE, Map.of("saleId", Json.createValue("a")));
        journal.append(Journal.Type.NO_SALE, Map.of("reason", Json.createValue("change")));
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
        Files.writeString(file, "{\"seq\":3,\"torn", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        Journal reopened = Journal.in(dir);
        long seq = reopened.append(Journal.Type.PAYMENT, Map.of("saleId", Json.createValue("b")));

        assertEquals(3, seq);
        assertTrue(reopened.verify().ok());
        assertEquals(List.of("SALE", "NO_SALE", "PAYMENT"), reopened.all().stream().map(e -> e.getString("type")).toList());
        assertEquals(3, reopened.day(LocalDate.now(reopened.zone())).size());
    }

    @Test
    void tamperingWithAJournalFileIsNamedByTheVerifier() throws IOException {
        Journal journal = Journal.in(dir);
        for (int i = 0; i < 4; i++) {
            journal.append(Journal.Type.SALE, Map.of("saleId", Json.createValue("s" + i), "total", Json.createValue("10.00")));
        }
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("10.00", "1.00"));
        Files.write(file, lines);

        JournalChain.Verdict verdict = Journal.in(dir).verify();
        assertEquals(Optional.of(2L), verdict.firstBadSeq());
    }
}
