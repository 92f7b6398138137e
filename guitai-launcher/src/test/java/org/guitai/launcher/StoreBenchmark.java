package org.guitai.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store server under load, against MariaDB, in one run (mvn -Pbench -DskipTests verify):
 * <ol>
 * <li>a raw-JDBC floor: the rows of a five-line cash sale written directly, one transaction per sale;</li>
 * <li>{@code POST /api/sales/documents} with such sales, one client, then eight;</li>
 * <li>the interactive flow (open, 5 x add line, confirm, pay, complete), p50/p99 per step, next to {@code GET /health};</li>
 * </ol>
 * and the store server's resident memory (VmRSS) throughout. (a) and (b) are measured in rounds
 * (-Dbench.rounds, 3) whose modes take turns in slices, and the median round is reported: on a
 * shared machine the speed of disk and CPU drifts by tens of percent within a minute. The store runs as ./guitai runs it
 * (Payara Micro, -Xmx384m) from the built distribution (guitai-launcher/target/guitai) on an embedded MariaDB under
 * guitai-launcher/target/bench, or on the server
 * named by GUITAI_BENCH_DB_URL (with _USER, _PASSWORD). Prints the figures and the targets of issue 3.
 */
public final class StoreBenchmark {

    private static final int LINES = 5;
    /** Turns each mode of (a) and (b) takes within a round. */
    private static final int SLICES = 5;
    private final URI api;
    private final URI health;
    private final DatabaseServer database;
    private final String db;
    private final List<Product> catalog;
    /** The store's time zone (guitai.timezone): the business day of the floor's sales. */
    private final ZoneId zone;
    private final Random random = new Random(2468);
    private final List<String> sessions = new ArrayList<>();

    record Product(String sku, String barcode, String name, String brand, String model, String spec, String colour, String unit,
                   BigDecimal price, BigDecimal vatRate) {
    }

    private StoreBenchmark(URI base, DatabaseServer database, String db, List<Product> catalog, ZoneId zone) {
        this.api = base.resolve("/api/");
        this.health = base.resolve("/health");
        this.database = database;
        this.db = db;
        this.catalog = catalog;
        this.zone = zone;
    }

    public static void main(String[] args) throws Exception {
        // HttpURLConnection keeps 5 idle connections per server by default: eight clients need eight
        System.setProperty("http.maxConnections", "16");
        int floorSales = Integer.getInteger("bench.floor", 2000);
        int singleSales = Integer.getInteger("bench.single", 1000);
        int eightSales = Integer.getInteger("bench.eight", 3000);
        int interactiveSales = Integer.getInteger("bench.interactive", 400);

        Distribution distribution = Distribution.located();
        Path home = Path.of(System.getProperty("guitai.test.target")).resolve("bench");
        DatabaseServer database = database(home);
        String db = "guitai_bench_store";
        Map<String, String> props = storeSettings(distribution, database, db);
        ZoneId zone = ZoneId.of(props.getOrDefault("guitai.timezone", "UTC"));
        ServerProcess store = store("store-bench", distribution, distribution.war(Distribution.STORE), home, props);
        // -Dbench.baseline-war=<another build's store-server.war>: this build and that one side by side instead
        Optional<Path> baselineWar = Optional.ofNullable(System.getProperty("bench.baseline-war")).filter(w -> !w.isBlank()).map(Path::of);
        String baselineDb = "guitai_bench_baseline";
        Optional<ServerProcess> baselineStore = Optional.empty();
        if (baselineWar.isPresent()) {
            baselineStore = Optional.of(store("store-baseline", distribution, baselineWar.get(), home, storeSettings(distribution, database, baselineDb)));
        }
        RssSampler rss = null;
        try {
            store.start();
            store.awaitReady(Duration.ofMinutes(4));
            rss = new RssSampler(store.pid());
            StoreBenchmark bench = new StoreBenchmark(store.url(), database, db, List.of(), zone);
            bench.execute("update stock set on_hand = 100000000");
            StoreBenchmark run = new StoreBenchmark(store.url(), database, db, bench.loadCatalog(), zone);
            // the database's own CPU when it runs on this machine (its pid file is readable), else not shown
            OptionalLong databasePid = run.databasePid();
            String environment = "MariaDB " + run.query("select version()") + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, store JVM -Xmx384m, Java " + System.getProperty("java.version");
            if (baselineStore.isPresent()) {
                ServerProcess other = baselineStore.get();
                other.start();
                other.awaitReady(Duration.ofMinutes(4));
                StoreBenchmark baseline = new StoreBenchmark(other.url(), database, baselineDb, List.of(), zone);
                baseline.execute("update stock set on_hand = 100000000");
                baseline = new StoreBenchmark(other.url(), database, baselineDb, baseline.loadCatalog(), zone);
                System.out.println("\n=== Guitai store benchmark, this build against " + baselineWar.get() + ": " + environment);
                compare(run, store.pid(), baseline, other.pid(), Integer.getInteger("bench.rounds", 3), singleSales, eightSales,
                        Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 300)));
                return;
            }
            System.out.println("\n=== Guitai store benchmark: " + environment);

            // steady state, not start-up: on two cores the JIT compiles Payara's and the server's hot
            // paths for minutes, so every path measured below runs until the compilers fall quiet
            long maxWarmUp = Long.getLong("bench.warmup-seconds", 300);
            System.out.println("warming up until the JIT is quiet (at most " + maxWarmUp + " s) ...");
            Duration warmedUp = run.warmUp(store.pid(), Duration.ofSeconds(maxWarmUp));
            System.out.println("warmed up in " + warmedUp.toSeconds() + " s");
            // the machine's speed drifts (a shared VM): within a round (a) and both (b) take turns in
            // slices, the ratios are taken within a round and the median of the rounds is reported
            int rounds = Integer.getInteger("bench.rounds", 3);
            List<Round> measured = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                System.out.println("round " + r + " of " + rounds + ": (a) the raw-JDBC floor, (b) documents with 1 and 8 clients ...");
                measured.add(run.round(store.pid(), databasePid, floorSales, singleSales, eightSales));
            }
            System.out.println("(c) the interactive flow ...");
            Map<String, Percentiles> steps = run.interactive(interactiveSales);

            System.out.println();
            System.out.printf("(a) and (b), %d rounds of %d floor sales, %d documents with 1 client and %d with 8, taking turns in %d slices:%n",
                    rounds, floorSales, singleSales, eightSales, SLICES);
            System.out.println("    round   floor/s   1 client/s  of floor   8 clients/s  x 1 client   store CPU ms/sale (1, 8)   benchmark CPU ms/sale"
                    + "   database CPU ms/sale (floor, 1, 8)   machine CPU ms/sale (floor, 1, 8)   steal");
            for (int r = 0; r < rounds; r++) {
                Round m = measured.get(r);
                System.out.printf("    %5d  %8.1f   %10.1f  %6.0f %%   %11.1f  %8.2f x   %8.2f  %6.2f              %6.2f                 %6.2f %6.2f %6.2f"
                                + "                   %6.2f %6.2f %6.2f   %4.1f %%%n",
                        r + 1, m.floor(), m.single(), 100 * m.ofFloor(), m.eight(), m.scaling(), m.singleCpu(), m.eightCpu(), m.clientCpu(),
                        m.floorDatabase(), m.singleDatabase(), m.eightDatabase(), m.floorMachine(), m.singleMachine(), m.eightMachine(),
                        m.stealPercent());
            }
            System.out.printf("(b) documents, 1 client: median %.0f %% of the floor (target >= 40 %%)%n",
                    100 * median(measured.stream().mapToDouble(Round::ofFloor).toArray()));
            System.out.printf("    documents, 8 clients: median %.2f x one client (target >= 2 x)%n",
                    median(measured.stream().mapToDouble(Round::scaling).toArray()));
            System.out.println("(c) interactive flow, " + interactiveSales + " sales, one client (ms):");
            steps.forEach((step, p) -> System.out.printf("    %-12s p50 %7.2f   p99 %7.2f   (n=%d)%n", step, p.p50(), p.p99(), p.n()));
            Percentiles addLine = steps.get("add line");
            Percentiles healthCall = steps.get("GET /health");
            System.out.printf("    add-line p99 = %.2f x health p99 (target <= 3 x)%n", addLine.p99() / healthCall.p99());
            System.out.printf("store server RSS: max %d MB (target <= 700 MB)%n", rss.maxMegabytes());
        } finally {
            if (rss != null) {
                rss.stop();
            }
            store.stop(Duration.ofSeconds(30));
            if (baselineStore.isPresent()) {
                baselineStore.get().stop(Duration.ofSeconds(30));
            }
            database.close();
        }
    }

    /** The benchmarks' database server: the one GUITAI_BENCH_DB_URL names (with _USER, _PASSWORD), else an embedded one under home. */
    static DatabaseServer database(Path home) throws Exception {
        Guitai.deleteTree(home.resolve("payara"));
        Guitai.deleteTree(home.resolve("logs"));
        String external = System.getenv("GUITAI_BENCH_DB_URL");
        return external != null && !external.isBlank()
                ? new DatabaseServer.Existing(external, Optional.ofNullable(System.getenv("GUITAI_BENCH_DB_USER")).orElse("root"),
                Optional.ofNullable(System.getenv("GUITAI_BENCH_DB_PASSWORD")).orElse(""))
                : EmbeddedDatabase.start(home.resolve("mariadb"), home.resolve("db"), home.resolve("run"), 0);
    }

    /** A store's settings as ./guitai gives them, on a new empty database db with the sample data imported, and no HQ. */
    static Map<String, String> storeSettings(Distribution distribution, DatabaseServer database, String db) throws Exception {
        database.dropDatabase(db);
        database.createDatabase(db);
        Map<String, String> props = new LinkedHashMap<>(ComponentConfig.defaults(distribution.config(), "store", name -> null));
        props.putAll(Chain.dbProperties(database, db));
        props.put("guitai.store.id", "S001");
        props.remove("guitai.hq.url");
        props.put("guitai.import-dir", distribution.config().resolve("store/sample").toString());
        return props;
    }

    /** A store server of the given WAR as ./guitai runs it (Payara Micro, -Xmx384m) on loopback, logging under home. */
    static ServerProcess store(String name, Distribution distribution, Path war, Path home, Map<String, String> props) throws IOException {
        return new ServerProcess(name, war, EmbeddedDatabase.freePort(), home, distribution.payaraJar(), distribution.driverJar(), "384m", props,
                Optional.of(Chain.LOOPBACK), ServerProcess.Output.LOG_FILE, "/api/status");
    }

    /**
     * Two builds of the store side by side on one database server, for changes too small to see
     * across runs: both warm up, then in every round their slices of (b) take turns (each build
     * first in every other slice), and the rates are compared within the round.
     */
    private static void compare(StoreBenchmark run, long pid, StoreBenchmark baseline, long baselinePid, int rounds, int singleSales,
                                int eightSales, Duration maxWarmUp) throws Exception {
        System.out.println("warming up both until their JITs are quiet (at most " + maxWarmUp.toSeconds() + " s each) ...");
        Duration warm = run.warmUp(pid, maxWarmUp);
        Duration warmBaseline = baseline.warmUp(baselinePid, maxWarmUp);
        System.out.println("warmed up in " + warm.toSeconds() + " s and " + warmBaseline.toSeconds() + " s");
        int single = singleSales / SLICES;
        int eight = eightSales / SLICES;
        System.out.println("    round   1 client/s (this, baseline)   this/baseline   8 clients/s (this, baseline)   this/baseline"
                + "   store CPU ms/sale, 1 client (this, baseline)");
        double[] singleRatios = new double[rounds];
        double[] eightRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] seconds = new double[4];
            long[] cpu = new long[2];
            for (int slice = 0; slice < SLICES; slice++) {
                // each build goes first in every other slice, so neither always follows the other's load
                StoreBenchmark[] order = (r * SLICES + slice) % 2 == 0 ? new StoreBenchmark[] {run, baseline} : new StoreBenchmark[] {baseline, run};
                for (StoreBenchmark store : order) {
                    int i = store == run ? 0 : 1;
                    long storePid = store == run ? pid : baselinePid;
                    long before = cpuMillis(storePid);
                    seconds[i] += single / store.documents(store.clients(1), single);
                    cpu[i] += cpuMillis(storePid) - before;
                }
                for (StoreBenchmark store : order) {
                    seconds[store == run ? 2 : 3] += eight / store.documents(store.clients(8), eight);
                }
            }
            double[] rate = new double[4];
            for (int i = 0; i < 4; i++) {
                rate[i] = (i < 2 ? single : eight) * SLICES / seconds[i];
            }
            singleRatios[r] = rate[0] / rate[1];
            eightRatios[r] = rate[2] / rate[3];
            System.out.printf("    %5d  %10.1f %10.1f   %12.3f    %10.1f %10.1f      %12.3f    %8.2f %8.2f%n", r + 1, rate[0], rate[1], singleRatios[r],
                    rate[2], rate[3], eightRatios[r], (double) cpu[0] / (single * SLICES), (double) cpu[1] / (single * SLICES));
        }
        System.out.printf("this build / baseline: 1 client median %.3f, 8 clients median %.3f%n", median(singleRatios), median(eightRatios));
    }

    /**
     * One round of (a) and (b): sales per second, CPU per sale of the store, of this benchmark and
     * of the database (NaN when it runs elsewhere), and the machine's CPU per sale (every process) in each mode.
     */
    record Round(double floor, double single, double eight, double singleCpu, double eightCpu, double clientCpu,
                 double floorDatabase, double singleDatabase, double eightDatabase,
                 double floorMachine, double singleMachine, double eightMachine, double stealPercent) {

        double ofFloor() {
            return single / floor;
        }

        double scaling() {
            return eight / single;
        }
    }

    /**
     * One round of (a) and (b) as paired measurements: slices of the floor, of one client and of
     * eight clients take turns, so that each sees the machine as it is at that moment.
     */
    private Round round(long storePid, OptionalLong databasePid, int floorSales, int singleSales, int eightSales) throws Exception {
        long self = ProcessHandle.current().pid();
        long[] database = new long[3];
        double floorSeconds = 0;
        double singleSeconds = 0;
        double eightSeconds = 0;
        long singleStoreCpu = 0;
        long singleClientCpu = 0;
        long eightStoreCpu = 0;
        long[] floorMachine = new long[2];
        long[] singleMachine = new long[2];
        long[] eightMachine = new long[2];
        for (int slice = 0; slice < SLICES; slice++) {
            long[] machineBefore = machineMillis();
            long databaseBefore = cpuMillis(databasePid);
            floorSeconds += floorSales / SLICES / floor(floorSales / SLICES);
            add(floorMachine, machineBefore);
            database[0] += cpuMillis(databasePid) - databaseBefore;
            long storeBefore = cpuMillis(storePid);
            long clientBefore = cpuMillis(self);
            machineBefore = machineMillis();
            databaseBefore = cpuMillis(databasePid);
            singleSeconds += singleSales / SLICES / documents(clients(1), singleSales / SLICES);
            add(singleMachine, machineBefore);
            database[1] += cpuMillis(databasePid) - databaseBefore;
            singleStoreCpu += cpuMillis(storePid) - storeBefore;
            singleClientCpu += cpuMillis(self) - clientBefore;
            storeBefore = cpuMillis(storePid);
            machineBefore = machineMillis();
            databaseBefore = cpuMillis(databasePid);
            eightSeconds += eightSales / SLICES / documents(clients(8), eightSales / SLICES);
            add(eightMachine, machineBefore);
            database[2] += cpuMillis(databasePid) - databaseBefore;
            eightStoreCpu += cpuMillis(storePid) - storeBefore;
        }
        int floorDone = floorSales / SLICES * SLICES;
        int singleDone = singleSales / SLICES * SLICES;
        int eightDone = eightSales / SLICES * SLICES;
        double cpuMillisAvailable = 1000 * (floorSeconds + singleSeconds + eightSeconds) * Runtime.getRuntime().availableProcessors();
        return new Round(floorDone / floorSeconds, singleDone / singleSeconds, eightDone / eightSeconds, (double) singleStoreCpu / singleDone,
                (double) eightStoreCpu / eightDone, (double) singleClientCpu / singleDone,
                databasePid.isPresent() ? (double) database[0] / floorDone : Double.NaN,
                databasePid.isPresent() ? (double) database[1] / singleDone : Double.NaN,
                databasePid.isPresent() ? (double) database[2] / eightDone : Double.NaN, (double) floorMachine[0] / floorDone,
                (double) singleMachine[0] / singleDone, (double) eightMachine[0] / eightDone,
                100 * (floorMachine[1] + singleMachine[1] + eightMachine[1]) / cpuMillisAvailable);
    }

    private static void add(long[] into, long[] before) throws IOException {
        long[] now = machineMillis();
        into[0] += now[0] - before[0];
        into[1] += now[1] - before[1];
    }

    /** The machine's busy CPU time, and the time its hypervisor gave its CPUs to others (steal), from /proc/stat. */
    static long[] machineMillis() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(cpu[field]);
        }
        return new long[] {busy * 10, Long.parseLong(cpu[8]) * 10};
    }

    /** The first {@code n} of eight sessions at T1, logged in once (a login's PIN check is slow on purpose). */
    private List<String> clients(int n) throws Exception {
        while (sessions.size() < n) {
            sessions.add(login());
        }
        return sessions.subList(0, n);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Runs every measured path until the store's JIT compiler threads have used less than 5 % of a
     * core over the last 10 s (at least 30 s, at most {@code max}).
     */
    private Duration warmUp(long pid, Duration max) throws Exception {
        Instant start = Instant.now();
        Instant end = start.plus(max);
        Instant windowStart = start;
        long jitAtWindowStart = jitMillis(pid);
        // all eight sessions log in here, so that no PIN check falls into a measured slice
        while (Instant.now().isBefore(end)) {
            documents(clients(1), 100);
            documents(clients(8), 300);
            interactive(10);
            floor(100);
            Duration window = Duration.between(windowStart, Instant.now());
            if (window.toSeconds() >= 10) {
                long jit = jitMillis(pid);
                boolean quiet = (jit - jitAtWindowStart) < window.toMillis() / 20;
                if (quiet && Duration.between(start, Instant.now()).toSeconds() >= 30) {
                    break;
                }
                windowStart = Instant.now();
                jitAtWindowStart = jit;
            }
        }
        return Duration.between(start, Instant.now());
    }

    /** CPU the process's JIT compiler threads have used so far. */
    static long jitMillis(long pid) throws IOException {
        long millis = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String comm = Files.readString(task.resolve("comm")).trim();
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    millis += cpuMillis(task.resolve("stat"));
                }
            }
        }
        return millis;
    }

    // --- (a) the floor ----------------------------------------------------------------------------------

    /**
     * The rows a five-line cash document leaves (the sale, its lines, the cash payment and its
     * count, the stock taken, the slip number and the outbox event with the sale's JSON for HQ),
     * written with plain JDBC, one statement per row or row batch, one transaction per sale.
     */
    private double floor(int sales) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(db), database.user(), database.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement sale = c.prepareStatement("insert into sale (id, terminal_id, cashier_code, origin, customer_id, status, currency, "
                    + "order_discount_rate, total, paid, slip_number, business_date, opened_at, confirmed_at, paid_at, packed_at, completed_at, "
                    + "cancelled_at, goods_taken_at, version) values (?, 'T1', 'C001', 'DOCUMENT', null, 'COMPLETED', 'CNY', 0, ?, ?, ?, ?, ?, ?, ?, null, ?, "
                    + "null, ?, 1)");
                 PreparedStatement line = c.prepareStatement("insert into sale_line (id, sale_id, line_no, sku, barcode, name, brand, model, spec, "
                         + "colour, unit, quantity, list_price, base_price, discount_rate, unit_price, amount, vat_rate, voided, voided_at, voided_by) "
                         + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?, ?, false, null, null)");
                 PreparedStatement payment = c.prepareStatement("insert into payment (id, sale_id, seq, tender, currency, received, applied, "
                         + "change_given, rounding, staff_code, created_at, auth_code, last4, terminal_reference, check_number, bank) "
                         + "values (?, ?, 1, 'CASH', 'CNY', ?, ?, ?, 0, 'C001', ?, null, null, null, null, null)");
                 PreparedStatement counted = c.prepareStatement("insert into payment_cash_count (payment_id, denomination, count) values (?, 100, ?)");
                 PreparedStatement stock = c.prepareStatement("update stock set on_hand = on_hand - 1, updated_at = ? where sku = ?");
                 PreparedStatement number = c.prepareStatement("select next_value from number_counter where name = 'slip' for update");
                 PreparedStatement bump = c.prepareStatement("update number_counter set next_value = next_value + 1 where name = 'slip'");
                 PreparedStatement outbox = c.prepareStatement("insert into outbox_event (id, type, payload, created_at, attempts, dead_count) "
                         + "values (?, 'SaleCompleted', ?, ?, 0, 0)")) {
                long start = System.nanoTime();
                for (int i = 0; i < sales; i++) {
                    List<Product> products = pick();
                    BigDecimal total = products.stream().map(Product::price).reduce(BigDecimal.ZERO, BigDecimal::add);
                    int notes = total.divide(BigDecimal.valueOf(100), 0, RoundingMode.UP).intValue();
                    BigDecimal received = BigDecimal.valueOf(100L * notes);
                    Instant at = Instant.now();
                    LocalDateTime now = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
                    String saleId = UUID.randomUUID().toString();
                    for (Product p : products) {
                        stock.setObject(1, now);
                        stock.setString(2, p.sku());
                        stock.executeUpdate();
                    }
                    long slip;
                    try (ResultSet r = number.executeQuery()) {
                        r.next();
                        slip = r.getLong(1);
                    }
                    bump.executeUpdate();
                    LocalDate day = LocalDate.now(zone);
                    sale.setString(1, saleId);
                    sale.setBigDecimal(2, total);
                    sale.setBigDecimal(3, total);
                    sale.setLong(4, slip);
                    sale.setObject(5, day);
                    for (int t = 6; t <= 10; t++) {
                        sale.setObject(t, now);
                    }
                    sale.executeUpdate();
                    List<String> lineIds = new ArrayList<>();
                    for (int n = 0; n < products.size(); n++) {
                        Product p = products.get(n);
                        String lineId = UUID.randomUUID().toString();
                        lineIds.add(lineId);
                        line.setString(1, lineId);
                        line.setString(2, saleId);
                        line.setInt(3, n + 1);
                        line.setString(4, p.sku());
                        line.setString(5, p.barcode());
                        line.setString(6, p.name());
                        line.setString(7, p.brand());
                        line.setString(8, p.model());
                        line.setString(9, p.spec());
                        line.setString(10, p.colour());
                        line.setString(11, p.unit());
                        line.setBigDecimal(12, p.price());
                        line.setBigDecimal(13, p.price());
                        line.setBigDecimal(14, p.price());
                        line.setBigDecimal(15, p.price());
                        line.setBigDecimal(16, p.vatRate());
                        line.addBatch();
                    }
                    line.executeBatch();
                    String paymentId = UUID.randomUUID().toString();
                    payment.setString(1, paymentId);
                    payment.setString(2, saleId);
                    payment.setBigDecimal(3, received);
                    payment.setBigDecimal(4, total);
                    payment.setBigDecimal(5, received.subtract(total));
                    payment.setObject(6, now);
                    payment.executeUpdate();
                    counted.setString(1, paymentId);
                    counted.setInt(2, notes);
                    counted.executeUpdate();
                    outbox.setString(1, UUID.randomUUID().toString());
                    outbox.setString(2, saleCompleted(saleId, slip, at, day, total, products, lineIds));
                    outbox.setObject(3, now);
                    outbox.executeUpdate();
                    c.commit();
                }
                return sales / seconds(start);
            }
        }
    }

    /** The event for HQ as the store writes it for such a sale (JSON-B's member order), with the same content. */
    private static String saleCompleted(String saleId, long slip, Instant at, LocalDate day, BigDecimal total, List<Product> products,
                                        List<String> lineIds) {
        StringBuilder lines = new StringBuilder();
        BigDecimal tax = BigDecimal.ZERO;
        for (int n = 0; n < products.size(); n++) {
            Product p = products.get(n);
            String vat = p.vatRate().stripTrailingZeros().toPlainString();
            lines.append(n == 0 ? "" : ",").append("{\"amount\":\"").append(p.price().toPlainString()).append("\",\"lineId\":\"").append(lineIds.get(n))
                    .append("\",\"quantity\":\"1\",\"sku\":\"").append(p.sku()).append("\",\"unitPrice\":\"").append(p.price().toPlainString())
                    .append("\",\"vatRate\":\"").append(vat).append("\"}");
            tax = tax.add(p.price().multiply(p.vatRate()).divide(BigDecimal.ONE.add(p.vatRate()), 2, RoundingMode.HALF_UP));
        }
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + at + "\",\"saleCompleted\":{\"businessDate\":\"" + day
                + "\",\"cashier\":\"C001\",\"completedAt\":\"" + at + "\",\"currency\":\"CNY\",\"lines\":[" + lines + "],\"saleId\":\"" + saleId
                + "\",\"slipNumber\":" + slip + ",\"tax\":\"" + tax.toPlainString() + "\",\"tenders\":[{\"amount\":\"" + total.toPlainString()
                + "\",\"tender\":\"CASH\"}],\"terminalId\":\"T1\",\"total\":\"" + total.toPlainString() + "\"},\"type\":\"SaleCompleted\"}";
    }

    // --- (b) documents --------------------------------------------------------------------------------

    private double documents(List<String> tokens, int sales) throws Exception {
        AtomicLong left = new AtomicLong(sales);
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        long start = System.nanoTime();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (String token : tokens) {
                done.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        expect(201, post("sales/documents", token, document()));
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
        return sales / seconds(start);
    }

    private String document() {
        List<Product> products = pick();
        BigDecimal total = products.stream().map(Product::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        int notes = total.divide(BigDecimal.valueOf(100), 0, RoundingMode.UP).intValue();
        StringBuilder lines = new StringBuilder();
        for (Product p : products) {
            lines.append(lines.length() == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"barcode\":\"")
                    .append(p.barcode()).append("\",\"quantity\":\"1\"}");
        }
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"createdAt\":\"" + Instant.now() + "\",\"lines\":[" + lines
                + "],\"payments\":[" + cash(total, notes) + "]}";
    }

    private static String cash(BigDecimal due, int hundreds) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"" + due.toPlainString()
                + "\",\"counted\":[{\"denomination\":\"100\",\"count\":" + hundreds + "}]}";
    }

    // --- (c) the interactive flow --------------------------------------------------------------------------

    private Map<String, Percentiles> interactive(int sales) throws Exception {
        String token = login();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String step : List.of("open", "add line", "confirm", "pay", "complete", "GET /health")) {
            samples.put(step, new ArrayList<>());
        }
        for (int i = 0; i < sales; i++) {
            String saleId = UUID.randomUUID().toString();
            timed(samples.get("open"), () -> expect(201, post("sales", token, "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}")));
            BigDecimal total = BigDecimal.ZERO;
            for (Product p : pick()) {
                total = total.add(p.price());
                timed(samples.get("add line"), () -> expect(201, post("sales/" + saleId + "/lines", token,
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + p.barcode() + "\",\"quantity\":\"1\"}")));
                timed(samples.get("GET /health"), () -> expect(200, send("GET", health, null, null)));
            }
            timed(samples.get("confirm"), () -> expect(200, post("sales/" + saleId + "/confirm", token, "")));
            String payment = cash(total, total.divide(BigDecimal.valueOf(100), 0, RoundingMode.UP).intValue());
            timed(samples.get("pay"), () -> expect(201, post("sales/" + saleId + "/payments", token, payment)));
            timed(samples.get("complete"), () -> expect(200, post("sales/" + saleId + "/complete", token, "")));
        }
        Map<String, Percentiles> result = new LinkedHashMap<>();
        samples.forEach((step, values) -> result.put(step, Percentiles.of(values)));
        return result;
    }

    record Percentiles(double p50, double p99, int n) {

        static Percentiles of(List<Double> millis) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Percentiles(at(sorted, 0.50), at(sorted, 0.99), sorted.length);
        }

        private static double at(double[] sorted, double quantile) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void timed(List<Double> into, Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        into.add((System.nanoTime() - start) / 1e6);
    }

    // --- plumbing ---------------------------------------------------------------------------------------

    private List<Product> pick() {
        List<Product> chosen = new ArrayList<>();
        while (chosen.size() < LINES) {
            Product p = catalog.get(random.nextInt(catalog.size()));
            if (!chosen.contains(p)) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    private List<Product> loadCatalog() throws Exception {
        String token = login();
        List<Product> products = new ArrayList<>();
        for (String q : List.of("E0", "C0", "H0")) {
            String body = expect(200, send("GET", api.resolve("products?q=" + q), token, null));
            for (JsonObject p : Json.createReader(new StringReader(body)).readArray().getValuesAs(JsonObject.class)) {
                products.add(new Product(p.getString("sku"), p.getString("barcode"), p.getString("name"), p.getString("brand"), p.getString("model"),
                        p.getString("spec"), p.getString("colour"), p.getString("unit"), new BigDecimal(p.getString("price")),
                        new BigDecimal(p.getString("vatRate"))));
            }
        }
        return products;
    }

    private String login() throws Exception {
        String body = expect(201, post("sessions", null, "{\"terminalId\":\"T1\",\"staffCode\":\"C001\",\"pin\":\"2468\"}"));
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        String token = m.group(1);
        // T1 sells within its open shift: open one unless it is (a build from before shifts answers 404)
        Reply shift = post("shifts", token, "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}");
        if (shift.status() != 201 && shift.status() != 409 && shift.status() != 404) {
            throw new IllegalStateException(shift.request() + ": " + shift.status() + " " + shift.body());
        }
        return token;
    }

    private Reply post(String path, String token, String json) throws IOException {
        return send("POST", api.resolve(path), token, json);
    }

    /** A status and a body, read whole so that the connection goes back to the keep-alive cache. */
    record Reply(String request, int status, String body) {
    }

    /**
     * One HTTP/1.1 exchange on the calling thread with the JDK's HttpURLConnection, which keeps a
     * connection alive per thread: the lightest standard client, so that the benchmark's own CPU
     * (it shares the machine's cores with the server) stays small next to the server's.
     */
    static Reply send(String method, URI uri, String token, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(60000);
        c.setRequestProperty("Accept", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (json != null) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) {
            in.close();
        }
        return new Reply(method + " " + uri, status, body);
    }

    static String expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException(reply.request() + ": expected " + status + ", got " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(db), database.user(), database.password()); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(db), database.user(), database.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** User and system CPU a process has used so far, from /proc (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        return cpuMillis(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The same for a process that may not be known (0). */
    static long cpuMillis(OptionalLong pid) throws IOException {
        return pid.isPresent() ? cpuMillis(pid.getAsLong()) : 0;
    }

    /** The database server's process, when it runs on this machine: its pid file names it. */
    private OptionalLong databasePid() throws SQLException {
        try {
            Path pidFile = Path.of(query("select @@pid_file"));
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return Files.exists(Path.of("/proc", Long.toString(pid), "stat")) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** User and system CPU of a process's or a thread's stat file (utime and stime, after the command's closing parenthesis). */
    private static long cpuMillis(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Samples a process's resident set size from /proc every 200 ms and keeps the largest. */
    static final class RssSampler {

        private final AtomicLong maxKilobytes = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        RssSampler(long pid) {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:")).findFirst().ifPresent(l ->
                                maxKilobytes.accumulateAndGet(Long.parseLong(Arrays.stream(l.split("\\s+")).skip(1).findFirst().orElse("0")), Math::max));
                        Thread.sleep(200);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long maxMegabytes() {
            return maxKilobytes.get() / 1024;
        }

        void stop() {
            running.set(false);
        }
    }
}
