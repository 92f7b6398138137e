package org.guitai.terminal.journal.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guitai.terminal.journal.domain.JournalChain;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.storage.DurableFiles;

/**
 * The journal on this terminal's disk: one file per local day ({@code journal-YYYY-MM-DD.log}),
 * the chain running on from one day into the next. An entry is appended and forced to the disk
 * before {@link #append} returns, so what the screen reports done is on the disk. A line torn by
 * a crash in the middle of its write was never reported done: it is cut off at the next start.
 */
@ApplicationScoped
public class Journal {

    /** What kinds of thing the journal records. */
    public enum Type {
        /** A finished sale: the whole document, as the terminal recorded it. */
        SALE(true),
        /** A payment the store took at this counter. */
        PAYMENT(true),
        /** A voided line or a cancelled sale. */
        VOID(true),
        /** The drawer opened without a sale. */
        NO_SALE(true),
        /** A return's refund the store made at this counter (one tender of its plan, or an exchange's credit). */
        REFUND(true),
        /**
         * The store acknowledged a sale the terminal had kept (its slip number). Not forced: a crash
         * that loses it (the journal's last lines) makes the terminal send the sale again, and the store
         * answers with the sale it has; the next forced entry takes it to the disk with it.
         */
        SENT(false),
        /** The store refused a sale: kept, with the store's reason, for the manager. */
        REFUSED(true);

        private final boolean forced;

        Type(boolean forced) {
            this.forced = forced;
        }
    }

    @Inject
    TerminalSettings settings;

    private final Clock clock = Clock.systemUTC();
    private final ZoneId zone = ZoneId.systemDefault();
    private Path dir;
    private long lastSeq;
    private String lastHash = JournalChain.GENESIS;

    @PostConstruct
    void open() {
        open(settings.dataDir().resolve("journal"));
    }

    /** Opens the journal kept in {@code directory} (for tests, without a container). */
    public static Journal in(Path directory) {
        Journal journal = new Journal();
        journal.open(directory);
        return journal;
    }

    private synchronized void open(Path directory) {
        dir = directory;
        try {
            Files.createDirectories(dir);
            List<Path> files = files();
            if (!files.isEmpty()) {
                Path last = files.get(files.size() - 1);
                cutTornLine(last);
                List<String> lines = Files.readAllLines(last, StandardCharsets.UTF_8);
                if (!lines.isEmpty()) {
                    String line = lines.get(lines.size() - 1);
                    lastHash = JournalChain.hashOf(line);
                    lastSeq = JournalChain.entry(line).getJsonNumber("seq").longValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + dir, e);
        }
    }

    /** Appends an entry, forced to the disk before it returns unless its type need not be; returns its sequence number. */
    public synchronized long append(Type type, Map<String, JsonValue> fields) {
        Instant now = clock.instant();
        long seq = lastSeq + 1;
        String line = JournalChain.line(seq, now.toString(), type.name(), fields, lastHash);
        Path file = dir.resolve("journal-" + LocalDate.ofInstant(now, zone) + ".log");
        DurableFiles.append(file, line + "\n", type.forced);
        lastSeq = seq;
        lastHash = JournalChain.hashOf(line);
        return seq;
    }

    /** The entries of one local day, in order. */
    public synchronized List<JsonObject> day(LocalDate date) {
        Path file = dir.resolve("journal-" + date + ".log");
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(JournalChain::entry).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
    }

    /** Every entry from the first day on, in order. */
    public synchronized List<JsonObject> all() {
        return lines().stream().map(JournalChain::entry).toList();
    }

    /** Checks the whole chain, every day's file in order. */
    public synchronized JournalChain.Verdict verify() {
        return JournalChain.verify(lines());
    }

    public ZoneId zone() {
        return zone;
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        try {
            for (Path file : files()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal in " + dir, e);
        }
        return lines;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(p -> p.getFileName().toString().matches("journal-\\d{4}-\\d{2}-\\d{2}\\.log")).sorted().toList();
        }
    }

    private static void cutTornLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
                channel.force(true);
            }
        }
    }
}
