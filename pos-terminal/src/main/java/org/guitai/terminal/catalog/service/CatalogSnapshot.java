package org.guitai.terminal.catalog.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guitai.terminal.platform.storage.DurableFiles;

/**
 * The catalog as this terminal last heard it from the store, indexed by barcode and by SKU (a
 * lookup is a hash probe whatever the size). On disk: {@code snapshot.jsonl}, the version on the
 * first line and a product per line, and {@code changes.jsonl}, the deltas applied since, folded
 * into a new snapshot once they grow. Each file is written beside and renamed into place, so a
 * crash leaves the last whole state.
 */
public final class CatalogSnapshot {

    /** A product as the counter sells it. Amounts are decimal strings of {@code currency}. */
    public record Product(String sku, String barcode, String name, String brand, String model, String spec, String colour,
                          String unit, String category, String price, String currency, String vatRate, boolean active) {

        static Product of(JsonObject p) {
            return new Product(p.getString("sku"), text(p, "barcode"), text(p, "name"), text(p, "brand"), text(p, "model"),
                    text(p, "spec"), text(p, "colour"), text(p, "unit"), text(p, "category"), p.getString("price"),
                    p.getString("currency"), text(p, "vatRate"), p.getBoolean("active", true));
        }

        public JsonObject json() {
            var b = Json.createObjectBuilder().add("sku", sku);
            put(b, "barcode", barcode);
            put(b, "name", name);
            put(b, "brand", brand);
            put(b, "model", model);
            put(b, "spec", spec);
            put(b, "colour", colour);
            put(b, "unit", unit);
            put(b, "category", category);
            b.add("price", price).add("currency", currency);
            put(b, "vatRate", vatRate);
            if (!active) {
                b.add("active", false);
            }
            return b.build();
        }

        private static void put(jakarta.json.JsonObjectBuilder b, String name, String value) {
            if (value != null) {
                b.add(name, value);
            }
        }

        private static String text(JsonObject p, String name) {
            return p.containsKey(name) && p.get(name).getValueType() == JsonValue.ValueType.STRING ? p.getString(name) : null;
        }
    }

    private static final int FOLD_AFTER = 20_000;

    private final Path dir;
    /** Each product as the UTF-8 bytes of its JSON (a quarter of the memory of a record of strings), by SKU; SKUs by barcode. */
    private final Map<String, byte[]> bySku = new HashMap<>();
    private final Map<String, String> byBarcode = new HashMap<>();
    private long version;
    private int changesSinceFold;

    public CatalogSnapshot(Path directory) {
        this.dir = directory;
        try {
            Files.createDirectories(dir);
            Path snapshot = dir.resolve("snapshot.jsonl");
            if (Files.exists(snapshot)) {
                // read a line at a time: the file of 100,000 products never stands in memory beside the maps it fills
                try (BufferedReader lines = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8)) {
                    String first = lines.readLine();
                    if (first != null) {
                        version = parse(first).getJsonNumber("version").longValue();
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            put(Product.of(parse(line)));
                        }
                    }
                }
            }
            Path changes = dir.resolve("changes.jsonl");
            if (Files.exists(changes)) {
                try (BufferedReader lines = Files.newBufferedReader(changes, StandardCharsets.UTF_8)) {
                    readChanges(lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog snapshot in " + dir, e);
        }
    }

    /** The deltas applied since the last fold, up to a line a crash cut short. */
    private void readChanges(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            JsonObject change;
            try {
                change = parse(line);
            } catch (RuntimeException torn) {
                break; // a line a crash cut short: the changes after it were never applied
            }
            if (change.get("product").getValueType() == JsonValue.ValueType.OBJECT) {
                put(Product.of(change.getJsonObject("product")));
            }
            version = Math.max(version, change.getJsonNumber("version").longValue());
            changesSinceFold++;
        }
    }

    public synchronized long version() {
        return version;
    }

    public synchronized int size() {
        return bySku.size();
    }

    /** A product still sold, by barcode; one the store stopped selling is not found. */
    public synchronized Optional<Product> byBarcode(String barcode) {
        return Optional.ofNullable(byBarcode.get(barcode)).flatMap(this::bySku);
    }

    public synchronized Optional<Product> bySku(String sku) {
        return Optional.ofNullable(bySku.get(sku)).map(CatalogSnapshot::product).filter(Product::active);
    }

    private static Product product(byte[] json) {
        return Product.of(parse(new String(json, StandardCharsets.UTF_8)));
    }

    /** Products whose name, brand, SKU or barcode holds {@code q} (case-insensitive), at most {@code limit}. */
    public synchronized List<Product> search(String q, int limit) {
        String needle = q.toLowerCase(Locale.ROOT);
        List<Product> found = new ArrayList<>();
        for (byte[] json : bySku.values()) {
            if (!new String(json, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            Product p = product(json);
            if (p.active() && (contains(p.name(), needle) || contains(p.brand(), needle) || contains(p.sku(), needle) || contains(p.barcode(), needle))) {
                found.add(p);
                if (found.size() >= limit) {
                    break;
                }
            }
        }
        return found;
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * Applies the store's answer to {@code GET /api/catalog/changes?since=<version()>}: {@code
     * {"version", "products": [...]}}, read as a stream. A full load ({@code since} 0) becomes the
     * new snapshot; a delta is appended to the changes and folded in once they grow.
     *
     * @return how many products changed
     */
    public synchronized int apply(InputStream answer, boolean full) {
        // a full load goes straight into the maps as it is read: 100,000 products never stand in memory twice
        List<Product> changed = new ArrayList<>();
        int count = 0;
        long newVersion = version;
        if (full) {
            bySku.clear();
            byBarcode.clear();
        }
        try (JsonParser parser = Json.createParser(answer)) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME && parser.getString().equals("version")) {
                    parser.next();
                    newVersion = parser.getLong();
                } else if (event == JsonParser.Event.KEY_NAME && parser.getString().equals("products")) {
                    parser.next(); // START_ARRAY
                    while (parser.next() == JsonParser.Event.START_OBJECT) {
                        Product p = Product.of(parser.getObject());
                        put(p);
                        count++;
                        if (!full) {
                            changed.add(p);
                        }
                    }
                }
            }
        }
        long applied = Math.max(newVersion, version);
        if (full || changesSinceFold + count > FOLD_AFTER) {
            version = applied;
            fold();
        } else if (count > 0 || applied != version) {
            appendChanges(changed, applied);
            version = applied;
        }
        return count;
    }

    private void put(Product p) {
        byte[] old = bySku.put(p.sku(), p.json().toString().getBytes(StandardCharsets.UTF_8));
        if (old != null) {
            String oldBarcode = product(old).barcode();
            if (oldBarcode != null && p.sku().equals(byBarcode.get(oldBarcode))) {
                byBarcode.remove(oldBarcode);
            }
        }
        if (p.barcode() != null) {
            byBarcode.put(p.barcode(), p.sku());
        }
    }

    private void appendChanges(List<Product> changed, long newVersion) {
        Path changes = dir.resolve("changes.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Product p : changed) {
            lines.append(Json.createObjectBuilder().add("version", newVersion).add("product", p.json()).build()).append('\n');
        }
        if (changed.isEmpty()) {
            lines.append(Json.createObjectBuilder().add("version", newVersion).add("product", JsonValue.NULL).build()).append('\n');
        }
        DurableFiles.append(changes, lines.toString());
        changesSinceFold += changed.size();
    }

    /** Writes the whole catalog as the new snapshot and starts the changes afresh. */
    private void fold() {
        Path snapshot = dir.resolve("snapshot.jsonl");
        Path temp = dir.resolve("snapshot.jsonl.tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(Json.createObjectBuilder().add("version", version).build().toString());
                out.write('\n');
                for (byte[] json : bySku.values()) {
                    out.write(new String(json, StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve("changes.jsonl"));
            changesSinceFold = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + snapshot, e);
        }
    }

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new java.io.StringReader(line))) {
            return reader.readObject();
        }
    }
}
