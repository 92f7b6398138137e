package org.guitai.terminal.offline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guitai.terminal.platform.storage.DurableFiles;

/**
 * Sales waiting for the store, one file each ({@code <position>-<saleId>.json}) in the order they
 * were finished. A file is written beside, forced to the disk and renamed into place, and the
 * directory forced too: after a crash a sale is in the queue whole or not at all. A sale leaves
 * the queue only when the store has acknowledged it ({@link #remove}), or refused it ({@link
 * #setAside}, into {@code refused/} with the store's reason).
 */
public final class DocumentQueue {

    /** A queued sale: its place in line, its id and the document as the store will get it. */
    public record Queued(long position, String saleId, String document) {
    }

    private static final Pattern FILE = Pattern.compile("(\\d{12})-([0-9a-fA-F-]{36})\\.json");

    private final Path dir;
    private final Path refusedDir;
    private final java.util.NavigableMap<Long, Queued> line = new java.util.TreeMap<>();
    private final java.util.Map<String, Long> positions = new java.util.HashMap<>();
    private long lastPosition;

    public DocumentQueue(Path directory) {
        this.dir = directory.resolve("queue");
        this.refusedDir = directory.resolve("refused");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(refusedDir);
            for (Queued queued : files()) {
                line.put(queued.position(), queued);
                positions.put(queued.saleId().toLowerCase(), queued.position());
            }
            lastPosition = line.isEmpty() ? 0 : line.lastKey();
            try (Stream<Path> leftovers = Files.list(dir)) {
                // a write a crash interrupted before its rename: never reported queued
                for (Path temp : leftovers.filter(p -> p.toString().endsWith(".tmp")).toList()) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the queue in " + dir, e);
        }
    }

    /** Puts a sale at the end of the line, durably; a sale already in line stays where it is. */
    public synchronized Queued add(String saleId, String document) {
        Optional<Queued> there = find(saleId);
        if (there.isPresent()) {
            return there.get();
        }
        long position = lastPosition + 1;
        Path file = dir.resolve(String.format("%012d-%s.json", position, saleId));
        DurableFiles.write(file, document);
        lastPosition = position;
        Queued queued = new Queued(position, saleId, document);
        line.put(position, queued);
        positions.put(saleId.toLowerCase(), position);
        return queued;
    }

    /** The sales in line, first finished first. */
    public synchronized List<Queued> waiting() {
        return List.copyOf(line.values());
    }

    public synchronized int size() {
        return line.size();
    }

    public synchronized Optional<Queued> find(String saleId) {
        return Optional.ofNullable(positions.get(saleId.toLowerCase())).map(line::get);
    }

    /** The store has the sale: it leaves the line (again: nothing happens). */
    public synchronized void remove(String saleId) {
        find(saleId).ifPresent(q -> {
            try {
                // not forced: a deletion a crash undoes sends the sale again, and the store answers with the sale it has
                Files.deleteIfExists(dir.resolve(name(q)));
                line.remove(q.position());
                positions.remove(q.saleId().toLowerCase());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take sale " + saleId + " out of the queue", e);
            }
        });
    }

    /** The store refused the sale: it is kept, with the store's answer, out of the line. */
    public synchronized void setAside(String saleId, String refusal) {
        Optional<Queued> queued = find(saleId);
        String document = queued.map(Queued::document).orElse("null");
        DurableFiles.write(refusedDir.resolve(saleId + ".json"), "{\"document\":" + document + ",\"refusal\":" + refusal + "}");
        queued.ifPresent(q -> remove(q.saleId()));
    }

    /** Sales the store refused, each {@code {"document", "refusal"}}. */
    public synchronized List<String> refused() {
        try (Stream<Path> files = Files.list(refusedDir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(DocumentQueue::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + refusedDir, e);
        }
    }

    /** A refused sale goes back at the end of the line, its refusal kept no more; false when none is refused under the id. */
    public synchronized boolean requeue(String saleId) {
        Path refused = refusedDir.resolve(saleId + ".json");
        if (!Files.exists(refused)) {
            return false;
        }
        String kept = read(refused);
        String document = kept.substring("{\"document\":".length(), kept.lastIndexOf(",\"refusal\":"));
        add(saleId, document);
        try {
            Files.delete(refused);
            DurableFiles.forceFolder(refusedDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + saleId + " out of the refused sales", e);
        }
        return true;
    }

    public synchronized boolean wasRefused(String saleId) {
        return Files.exists(refusedDir.resolve(saleId + ".json"));
    }

    private List<Queued> files() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> FILE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> new Queued(Long.parseLong(m.group(1)), m.group(2), read(dir.resolve(m.group(0)))))
                    .sorted(java.util.Comparator.comparingLong(Queued::position)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queue in " + dir, e);
        }
    }

    private static String name(Queued q) {
        return String.format("%012d-%s.json", q.position(), q.saleId());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
