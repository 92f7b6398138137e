package org.guitai.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;

/**
 * The terminal selling on its own (mvn -Pbench-offline -DskipTests verify -pl guitai-launcher -am):
 * the chain as ./guitai demo runs it, its store's catalog grown to -Dbench.products (100,000).
 * <ol>
 * <li>Barcode lookups at the terminal's snapshot ({@code GET /api/terminal/catalog/products/{barcode}})
 * with 1,000 products, then with 100,000: the second at most 2x the first (p50 and p95).</li>
 * <li>The delta that takes the snapshot from 1,000 to 100,000 products, and a full load of 100,000
 * into an empty snapshot (the terminal started again without its catalog).</li>
 * <li>-Dbench.queued (1,000) cash sales queued at the terminal while the store is away, replayed once
 * it is back, against the store's own one-client document rate ({@code POST /api/sales/documents}
 * one after another) in the same run: the replay at least 50 % of it. The store's rate is taken
 * warm (before the outage and after the replay) and just after a restart, as the replay meets it.</li>
 * <li>The terminal's resident memory (RSS) at the end: at most 500 MB.</li>
 * </ol>
 */
public final class OfflineBenchmark {

    private static final String PREFIX = "guitai_bench_offline_";
    private static final Duration LONG = Duration.ofMinutes(10);
    private static final String RICE_COOKER = "6910384000029";

    private OfflineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("bench.products", 100_000);
        int queued = Integer.getInteger("bench.queued", 1_000);
        int lookups = Integer.getInteger("bench.lookups", 2_000);
        Path home = Path.of(System.getProperty("guitai.test.target")).resolve("bench-offline");
        DatabaseServer database = StoreBenchmark.database(home);
        Chain chain = TestChains.prepare(home, database, PREFIX, "bench-offline-credential-of-store-S001",
                Map.of("guitai.terminal.replay-interval-ms", "250", "guitai.terminal.replay-batch", "10000"));
        try {
            chain.start(Duration.ofMinutes(4));
            JsonHttp terminal = new JsonHttp(URI.create(chain.terminal().url() + "/api/"));
            Answer login = require(201, terminal.post("terminal/sessions", "{\"staffCode\":\"C001\",\"pin\":\"2468\"}"));
            JsonHttp cashier = terminal.as(login.json().getString("token"));
            JsonHttp store = new JsonHttp(URI.create(chain.store().url() + "/api/")).as(login.json().getString("token"));
            require(201, store.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));
            execute(chain, "update stock set on_hand = 1000000 where sku = (select sku from product where barcode = '" + RICE_COOKER + "')");

            System.out.println("\n=== Guitai offline benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version"));
            // 1. a catalog of 1,000
            int sample = (int) count(chain, "select count(*) from product");
            addProducts(chain, 0, 1_000 - sample);
            await("the snapshot at 1,000 products", () -> caughtUp(terminal, chain));
            List<String> small = barcodes(chain, 1_000);
            double[] atThousand = lookups(cashier, small, lookups);
            // 2. the delta to 100,000
            Instant added = Instant.now();
            addProducts(chain, 1_000 - sample, products - 1_000);
            Duration inserting = Duration.between(added, Instant.now());
            Instant deltaFrom = Instant.now();
            await("the snapshot at " + products + " products", () -> caughtUp(terminal, chain));
            Duration delta = Duration.between(deltaFrom, Instant.now());
            List<String> large = barcodes(chain, products);
            double[] atLarge = lookups(cashier, large, lookups);
            // 3. a full load into an empty snapshot
            chain.terminal().stop(Duration.ofSeconds(30));
            Guitai.deleteTree(home.resolve("terminal-t1").resolve("catalog"));
            chain.terminal().start();
            chain.terminal().awaitReady(Duration.ofMinutes(4));
            await("the full load of " + products + " products", () -> caughtUp(terminal, chain));
            // timed by the terminal itself, from its request to the snapshot on disk (it may load while it is still starting)
            Duration fullLoad = Duration.ofMillis(cashier.get("terminal/catalog").json().getJsonObject("lastCatchUp").getJsonNumber("millis").longValue());
            double[] afterLoad = lookups(cashier, large, lookups);

            // 4. the store's one-client document rate, then the replay of a queue as long
            Answer relogin = require(201, terminal.post("terminal/sessions", "{\"staffCode\":\"C001\",\"pin\":\"2468\"}"));
            cashier = terminal.as(relogin.json().getString("token"));
            store = new JsonHttp(URI.create(chain.store().url() + "/api/")).as(relogin.json().getString("token"));
            for (int i = 0; i < 200; i++) {
                require(201, store.post("sales/documents", document()));
            }
            Instant directFrom = Instant.now();
            for (int i = 0; i < queued; i++) {
                require(201, store.post("sales/documents", document()));
            }
            double directRate = queued / seconds(Duration.between(directFrom, Instant.now()));
            // the replay meets a store just started again, its code not compiled yet: its one-client rate then, for comparison
            chain.store().stop(Duration.ofSeconds(30));
            chain.store().start();
            chain.store().awaitReady(Duration.ofMinutes(4));
            Answer cold = require(201, terminal.post("terminal/sessions", "{\"staffCode\":\"C001\",\"pin\":\"2468\"}"));
            cashier = terminal.as(cold.json().getString("token"));
            store = new JsonHttp(URI.create(chain.store().url() + "/api/")).as(cold.json().getString("token"));
            Instant coldFrom = Instant.now();
            for (int i = 0; i < queued; i++) {
                require(201, store.post("sales/documents", document()));
            }
            double coldRate = queued / seconds(Duration.between(coldFrom, Instant.now()));
            require(200, cashier.get("terminal/journal/verify"));
            chain.store().stop(Duration.ofSeconds(30));
            for (int i = 0; i < queued; i++) {
                require(202, cashier.post("terminal/documents", document()));
            }
            chain.store().start();
            chain.store().awaitReady(Duration.ofMinutes(4));
            // the replay starts on its own within a round of the store's return; timed from its first sale to its last
            int[] left = {queued};
            await("the replay to begin", () -> (left[0] = pending(terminal)) < queued);
            Instant replayFrom = Instant.now();
            int atStart = left[0];
            await("the queue to empty", () -> pending(terminal) == 0);
            double replayRate = atStart / seconds(Duration.between(replayFrom, Instant.now()));
            Instant againFrom = Instant.now();
            for (int i = 0; i < queued; i++) {
                require(201, store.post("sales/documents", document()));
            }
            double directAfter = queued / seconds(Duration.between(againFrom, Instant.now()));
            long rss = ScanBenchmark.rssKb(chain.terminal().pid());

            System.out.printf("lookup at 1,000 products:   p50 %.2f ms  p95 %.2f ms%n", ScanBenchmark.at(atThousand, 0.5), ScanBenchmark.at(atThousand, 0.95));
            System.out.printf("lookup at %,d products: p50 %.2f ms  p95 %.2f ms  (ratio p50 %.2f, p95 %.2f; target <= 2)%n", products,
                    ScanBenchmark.at(atLarge, 0.5), ScanBenchmark.at(atLarge, 0.95),
                    ScanBenchmark.at(atLarge, 0.5) / ScanBenchmark.at(atThousand, 0.5), ScanBenchmark.at(atLarge, 0.95) / ScanBenchmark.at(atThousand, 0.95));
            System.out.printf("lookup after the full load: p50 %.2f ms  p95 %.2f ms%n", ScanBenchmark.at(afterLoad, 0.5), ScanBenchmark.at(afterLoad, 0.95));
            System.out.printf("store: %,d products inserted in %.1f s%n", products - 1_000, seconds(inserting));
            System.out.printf("delta of %,d products applied in %.1f s (from the last insert to the snapshot caught up)%n", products - 1_000, seconds(delta));
            System.out.printf("full load of %,d products into an empty snapshot in %.1f s (the terminal's request to the snapshot on disk)%n", products, seconds(fullLoad));
            System.out.printf("store one-client documents: %.1f /s before, %.1f /s just after a restart (cold), %.1f /s after the replay%n",
                    directRate, coldRate, directAfter);
            System.out.printf("replay of %d queued sales (to a store just restarted): %.1f /s = %.0f %% of the store's rate before, %.0f %% of its rate "
                    + "just after a restart, %.0f %% of after (target >= 50 %%)%n", atStart, replayRate, 100 * replayRate / directRate,
                    100 * replayRate / coldRate, 100 * replayRate / directAfter);
            System.out.printf("terminal RSS at the end: %d MB (target <= 500)%n", rss / 1024);
        } finally {
            chain.stop();
            database.close();
        }
    }

    private static String document() {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"createdAt\":\"" + Instant.now() + "\",\"lines\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"barcode\":\"" + RICE_COOKER + "\",\"quantity\":\"1\"}],\"payments\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"279.00\",\"counted\":[{\"denomination\":\"100\",\"count\":3}],\"rejected\":[]}]}";
    }

    private static double[] lookups(JsonHttp cashier, List<String> barcodes, int n) {
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            require(200, cashier.get("terminal/catalog/products/" + barcodes.get(random.nextInt(barcodes.size()))));
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            String barcode = barcodes.get(random.nextInt(barcodes.size()));
            long t = System.nanoTime();
            require(200, cashier.get("terminal/catalog/products/" + barcode));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static boolean caughtUp(JsonHttp terminal, Chain chain) {
        long storeVersion = new JsonHttp(URI.create(chain.store().url() + "/api/")).get("status").json().getJsonNumber("catalogVersion").longValue();
        return terminal.get("terminal").json().getJsonNumber("catalogVersion").longValue() >= storeVersion;
    }

    private static int pending(JsonHttp terminal) {
        return terminal.get("terminal").json().getInt("pendingDocuments");
    }

    /** Polls until true (a benchmark's wait, not a test's: the figures are timed around it). */
    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(LONG);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("no " + what + " within " + LONG);
            }
            Thread.sleep(20);
        }
    }

    private static void addProducts(Chain chain, int from, int n) throws SQLException {
        try (Connection c = connect(chain)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into product (sku, barcode, name, brand, model, spec, colour, category, unit, price,"
                    + " currency, vat_rate) values (?, ?, ?, 'Bench', 'B-1', '1 pc', 'grey', 'bench', 'pc', ?, 'CNY', 0.13)");
                 PreparedStatement s = c.prepareStatement("insert into stock (sku, on_hand, updated_at) values (?, 100, utc_timestamp(6))")) {
                for (int i = from; i < from + n; i++) {
                    String sku = String.format("B%07d", i);
                    p.setString(1, sku);
                    p.setString(2, Ean13.complete(String.format("29%010d", i)).toString());
                    p.setString(3, "Bench product " + i);
                    p.setBigDecimal(4, new java.math.BigDecimal(1 + (i % 500)).add(new java.math.BigDecimal("0.99")));
                    p.addBatch();
                    s.setString(1, sku);
                    s.addBatch();
                    if ((i - from) % 1_000 == 999) {
                        p.executeBatch();
                        s.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                s.executeBatch();
                c.commit();
            }
        }
    }

    private static List<String> barcodes(Chain chain, int n) throws SQLException {
        List<String> barcodes = new ArrayList<>();
        try (Connection c = connect(chain); PreparedStatement p = c.prepareStatement("select barcode from product order by version limit " + n);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                barcodes.add(r.getString(1));
            }
        }
        return barcodes;
    }

    private static long count(Chain chain, String sql) throws SQLException {
        try (Connection c = connect(chain); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void execute(Chain chain, String sql) throws SQLException {
        try (Connection c = connect(chain); PreparedStatement p = c.prepareStatement(sql)) {
            p.executeUpdate();
        }
    }

    private static Connection connect(Chain chain) throws SQLException {
        return DriverManager.getConnection(chain.database().url(PREFIX + "s001"), chain.database().user(), chain.database().password());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static Answer require(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + answer);
        }
        return answer;
    }
}
