package org.guitai.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's reports under volume (mvn -Pbench-reports -DskipTests verify -pl guitai-launcher -am), against
 * MariaDB, on the store server as ./guitai runs it:
 * <ol>
 * <li>the Z report ({@code GET /api/shifts/{id}/report}) of a shift of 100 sales next to one of 10,000
 * (-Dbench.small-shift, -Dbench.large-shift): the target is at most 2 x;</li>
 * <li>the daily report ({@code GET /api/reports/daily}) of the day those sales make (five lines each, so
 * about 50,000 line items), next to a hand-written SQL aggregate of the same figures on the same data,
 * sent over JDBC by this process.</li>
 * </ol>
 * Each timing is the median of -Dbench.repeats (200) requests after as many to warm up; the hand-written SQL,
 * which re-adds every sale each time, of -Dbench.sql-repeats (20). The sales go in as
 * sale documents with several clients (the fastest way the API takes them), on terminals T1 and T2.
 */
public final class ReportBenchmark {

    private static final int LINES = 5;

    private final URI api;
    private final DatabaseServer database;
    private final String db;
    private final List<String[]> catalog = new ArrayList<>();
    private final Random random = new Random(1357);

    private ReportBenchmark(URI base, DatabaseServer database, String db) {
        this.api = base.resolve("/api/");
        this.database = database;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", "16");
        int smallShift = Integer.getInteger("bench.small-shift", 100);
        int largeShift = Integer.getInteger("bench.large-shift", 10_000);
        int repeats = Integer.getInteger("bench.repeats", 200);

        Distribution distribution = Distribution.located();
        Path home = Path.of(System.getProperty("guitai.test.target")).resolve("bench-reports");
        DatabaseServer database = StoreBenchmark.database(home);
        String db = "guitai_bench_reports";
        Map<String, String> props = StoreBenchmark.storeSettings(distribution, database, db);
        ZoneId zone = ZoneId.of(props.getOrDefault("guitai.timezone", "UTC"));
        ServerProcess store = StoreBenchmark.store("store-reports", distribution, distribution.war(Distribution.STORE), home, props);
        try {
            store.start();
            store.awaitReady(Duration.ofMinutes(4));
            ReportBenchmark bench = new ReportBenchmark(store.url(), database, db);
            bench.execute("update stock set on_hand = 100000000");
            String manager = bench.login("BO1", "M001", "1357");
            String atT1 = bench.login("T1", "C001", "2468");
            String atT2 = bench.login("T2", "M001", "1357");
            bench.loadCatalog(manager);
            String small = bench.openShift("T1", atT1);
            String large = bench.openShift("T2", atT2);
            LocalDate day = LocalDate.now(zone);
            System.out.println("\n=== Guitai report benchmark: MariaDB " + bench.query("select version()") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, store JVM -Xmx384m, Java " + System.getProperty("java.version"));

            System.out.println("selling " + smallShift + " sales at T1 and " + largeShift + " at T2, " + LINES + " lines each ...");
            long start = System.nanoTime();
            bench.sell("T1", atT1, smallShift, 2);
            bench.sell("T2", atT2, largeShift, 4);
            System.out.printf("sold in %.0f s%n", (System.nanoTime() - start) / 1e9);
            String items = bench.query("select count(*) from sale_line l join sale s on s.id = l.sale_id where s.business_date = '" + day + "'");

            // the two shifts' Z figures (an X report reads the same running totals a closed shift keeps)
            String smallPath = "shifts/" + small + "/report";
            String largePath = "shifts/" + large + "/report";
            bench.check(smallPath, manager, smallShift);
            bench.check(largePath, manager, largeShift);
            double[] zSmall = bench.timeGets(smallPath, manager, repeats);
            double[] zLarge = bench.timeGets(largePath, manager, repeats);

            String dailyPath = "reports/daily?date=" + day;
            double[] daily = bench.timeGets(dailyPath, manager, repeats);
            // re-adding every sale takes the better part of a second a time: fewer runs of it give as steady a median
            double[] sql = bench.timeSql(day, zone, Integer.getInteger("bench.sql-repeats", 20));

            System.out.println();
            System.out.printf("(1) Z report, median of %d (ms): %d sales %.2f (p90 %.2f), %d sales %.2f (p90 %.2f): %.2f x (target <= 2 x)%n", repeats,
                    smallShift, StoreBenchmark.median(zSmall), p90(zSmall), largeShift, StoreBenchmark.median(zLarge), p90(zLarge),
                    StoreBenchmark.median(zLarge) / StoreBenchmark.median(zSmall));
            System.out.printf("(2) daily report of %s line items (ms): GET /reports/daily, median of %d, %.2f (p90 %.2f); "
                            + "hand-written SQL of the same figures over the day's sales, over JDBC, median of %d, %.2f (p90 %.2f): %.2f x%n", items, repeats,
                    StoreBenchmark.median(daily), p90(daily), sql.length, StoreBenchmark.median(sql), p90(sql),
                    StoreBenchmark.median(daily) / StoreBenchmark.median(sql));
        } finally {
            store.stop(Duration.ofSeconds(30));
            database.close();
        }
    }

    private static double p90(double[] millis) {
        double[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }

    private String login(String terminal, String staff, String pin) throws Exception {
        String body = StoreBenchmark.expect(201, StoreBenchmark.send("POST", api.resolve("sessions"), null,
                "{\"terminalId\":\"" + terminal + "\",\"staffCode\":\"" + staff + "\",\"pin\":\"" + pin + "\"}"));
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        return m.group(1);
    }

    private String openShift(String terminal, String token) throws Exception {
        String id = UUID.randomUUID().toString();
        StoreBenchmark.expect(201, StoreBenchmark.send("POST", api.resolve("shifts"), token,
                "{\"id\":\"" + id + "\",\"terminalId\":\"" + terminal + "\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));
        return id;
    }

    private void loadCatalog(String token) throws Exception {
        for (String q : List.of("E0", "C0", "H0")) {
            String body = StoreBenchmark.expect(200, StoreBenchmark.send("GET", api.resolve("products?q=" + q), token, null));
            for (JsonObject p : Json.createReader(new StringReader(body)).readArray().getValuesAs(JsonObject.class)) {
                catalog.add(new String[] {p.getString("barcode"), p.getString("price")});
            }
        }
    }

    /** Sales of five lines paid in cash, as sale documents, from several clients at once. */
    private void sell(String terminal, String token, int sales, int clients) throws Exception {
        AtomicInteger left = new AtomicInteger(sales);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        StoreBenchmark.expect(201, StoreBenchmark.send("POST", api.resolve("sales/documents"), token, document(terminal)));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private String document(String terminal) {
        StringBuilder lines = new StringBuilder();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < LINES; i++) {
            String[] p;
            synchronized (random) {
                p = catalog.get(random.nextInt(catalog.size()));
            }
            total = total.add(new BigDecimal(p[1]));
            lines.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"barcode\":\"").append(p[0])
                    .append("\",\"quantity\":\"1\"}");
        }
        int hundreds = total.divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.UP).intValue();
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal + "\",\"createdAt\":\"" + Instant.now() + "\",\"lines\":["
                + lines + "],\"payments\":[{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"" + total.toPlainString()
                + "\",\"counted\":[{\"denomination\":\"100\",\"count\":" + hundreds + "}]}]}";
    }

    /** The report counts the shift's sales: what is timed is a real answer, not a refusal. */
    private void check(String path, String token, int sales) throws Exception {
        String body = StoreBenchmark.expect(200, StoreBenchmark.send("GET", api.resolve(path), token, null));
        if (Json.createReader(new StringReader(body)).readObject().getJsonObject("sales").getInt("count") != sales) {
            throw new IllegalStateException(path + " does not count " + sales + " sales: " + body);
        }
    }

    private double[] timeGets(String path, String token, int repeats) throws Exception {
        URI uri = api.resolve(path);
        for (int i = 0; i < repeats; i++) {
            StoreBenchmark.expect(200, StoreBenchmark.send("GET", uri, token, null));
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            StoreBenchmark.expect(200, StoreBenchmark.send("GET", uri, token, null));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /**
     * The daily report's figures written by hand as SQL over the sale tables, the way one would
     * without running totals: the day's totals, units, hours, categories, brands, staff, tenders and
     * best sellers, read in full on one connection.
     */
    private double[] timeSql(LocalDate day, ZoneId zone, int repeats) throws SQLException {
        int offset = zone.getRules().getOffset(day.atStartOfDay(zone).toInstant()).getTotalSeconds();
        String posted = " s.business_date = ? and s.paid_at is not null ";
        String sold = "(select l.sku, sum(l.quantity) units, sum(l.amount) total from sale s join sale_line l on l.sale_id = s.id where" + posted
                + "and not l.voided group by l.sku)";
        List<String> queries = List.of(
                "select count(*), coalesce(sum(s.total), 0) from sale s where" + posted,
                "select coalesce(sum(l.quantity), 0), coalesce(sum(round(l.list_price * l.quantity, 2)), 0) from sale s join sale_line l on l.sale_id = s.id"
                        + " where" + posted + "and not l.voided",
                "select count(*), coalesce(sum(l.amount), 0) from sale s join sale_line l on l.sale_id = s.id where s.business_date = ? and l.voided",
                "select count(*), coalesce(sum(s.total), 0) from sale s where s.business_date = ? and s.status = 'CANCELLED'",
                "select hour(s.paid_at + interval " + offset + " second) h, count(*), sum(s.total) from sale s where" + posted + "group by h",
                "select p.category, sum(l.quantity), sum(l.amount) t from sale s join sale_line l on l.sale_id = s.id join product p on p.sku = l.sku"
                        + " where" + posted + "and not l.voided group by p.category order by t desc",
                "select l.brand, sum(l.quantity), sum(l.amount) t from sale s join sale_line l on l.sale_id = s.id where" + posted
                        + "and not l.voided group by l.brand order by t desc",
                "select coalesce(s.associate_code, s.cashier_code) who, count(*), sum(s.total) t from sale s where" + posted + "group by who order by t desc",
                "select p.tender, count(*), sum(p.applied) t from sale s join payment p on p.sale_id = s.id where" + posted + "group by p.tender order by t desc",
                "select x.sku, x.units, x.total, k.on_hand from " + sold + " x left join stock k on k.sku = x.sku order by x.units desc, x.total desc limit 10",
                "select p.sku, coalesce(x.units, 0) u, k.on_hand from product p left join " + sold + " x on x.sku = p.sku left join stock k on k.sku = p.sku"
                        + " where p.active order by u, k.on_hand desc limit 10",
                "select h.opened_by, h.difference from shift h where h.business_date = ? and h.status = 'CLOSED'");
        double[] millis = new double[repeats];
        try (Connection c = DriverManager.getConnection(database.url(db), database.user(), database.password())) {
            List<PreparedStatement> statements = new ArrayList<>();
            List<Integer> parameters = new ArrayList<>();
            for (String q : queries) {
                statements.add(c.prepareStatement(q));
                parameters.add((int) q.chars().filter(ch -> ch == '?').count());
            }
            for (int round = 0; round < 2 * repeats; round++) {
                long start = System.nanoTime();
                for (PreparedStatement s : statements) {
                    for (int i = 1; i <= parameters.get(statements.indexOf(s)); i++) {
                        s.setObject(i, day);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            r.getString(1);
                        }
                    }
                }
                if (round >= repeats) {
                    millis[round - repeats] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return millis;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(db), database.user(), database.password());
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(db), database.user(), database.password());
             java.sql.Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
