package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.guitai.kernel.testing.Eventually;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole chain as ./guitai demo starts it (HQ, store S001, terminal T1 as Payara Micro
 * processes, MariaDB, sample data): a sale made through the terminal reaches HQ, and reaches it
 * exactly once even when the store crashes after HQ took the event but before the store learnt so,
 * or when HQ is away for a while. The demo's servers answer on loopback only, keep their secrets
 * off their command lines, and importing the sample data again at a restart changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainIT {

    private static final String PREFIX = "guitai_it_chain_";
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final Duration START = Duration.ofMinutes(4);
    /** E00002: 电饭煲 美的 MB-FB40S701 3L, 279.00 */
    private static final String RICE_COOKER = "6910384000029";
    private static final BigDecimal RICE_COOKER_PRICE = new BigDecimal("279.00");
    private static final String CREDENTIAL = "chain-it-credential-of-store-S001";

    private static DatabaseServer database;
    private static Chain chain;
    /** Sales this test made at S001 (all of the store's sales: its database starts empty). */
    private static int sold;

    @BeforeAll
    static void startTheChain() throws Exception {
        Path home = Path.of(System.getProperty("guitai.test.target")).resolve("chain-it");
        database = TestChains.database(home);
        // the terminal replays its queue four sales a round, so that the drill can stop it in the middle of a replay
        chain = TestChains.prepare(home, database, PREFIX, CREDENTIAL,
                Map.of("guitai.terminal.replay-batch", "4", "guitai.terminal.replay-interval-ms", "1500"));
        // should the JVM end without @AfterAll, still stop the servers before their database
        Runtime.getRuntime().addShutdownHook(new Thread(ChainIT::stopTheChain, "chain-it-stop"));
        chain.start(START);
    }

    @AfterAll
    static synchronized void stopTheChain() {
        if (chain != null) {
            chain.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void theTerminalServesTheCashierPage() {
        Answer page = new JsonHttp(chain.terminal().url()).get("");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        assertTrue(page.body().contains("柜台"), "the cashier page");
        Answer terminal = new JsonHttp(chain.terminal().url()).get("api/terminal");
        assertEquals("T1", terminal.json().getString("terminalId"));
    }

    @Test
    @Order(1)
    void everyServerListensOnLoopbackOnly() {
        for (ServerProcess server : chain.servers()) {
            List<InetSocketAddress> sockets = ListeningSockets.of(server.pid());
            assertTrue(sockets.stream().anyMatch(a -> a.getPort() == server.port()), server.name() + " listens on its port: " + sockets);
            assertTrue(sockets.stream().allMatch(a -> a.getAddress().isLoopbackAddress()), server.name() + " listens beyond loopback: " + sockets);
        }
    }

    @Test
    @Order(1)
    void secretsReachTheServersThroughTheirEnvironmentNeverTheirCommandLineOrLogs() throws IOException {
        for (ServerProcess server : List.of(chain.store(), chain.hq())) {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(server.pid()), "cmdline"));
            assertFalse(commandLine.contains(CREDENTIAL), server.name() + "'s command line shows the credential");
            assertFalse(commandLine.contains("-Dguitai."), server.name() + "'s command line carries settings: " + commandLine);
            assertFalse(Files.readString(server.log()).contains(CREDENTIAL), server.name() + "'s log shows the credential");
        }
        String environment = Files.readString(Path.of("/proc", Long.toString(chain.store().pid()), "environ"));
        assertTrue(List.of(environment.split("\0")).contains("GUITAI_HQ_CREDENTIAL=" + CREDENTIAL), "the store's credential is in its environment");
    }

    @Test
    @Order(2)
    void aCashSaleAtTheCounterShowsAtHq() throws SQLException {
        assertEquals(0, hqSales(), "HQ starts with no sales of S001");
        String saleId = sellThroughTheTerminal();
        Eventually.until(DELIVERY, "at HQ", () -> hqSales() == 1);
        assertEquals(1, countHq("select count(*) from sale_fact where store_id = 'S001' and sale_id = ?", saleId));
        assertChainReportShowsExactlyTheSalesMade();
    }

    @Test
    @Order(3)
    void hqShowsTheSaleExactlyOnceAfterTheStoreIsRestartedMidDelivery() throws SQLException {
        long before = hqSales();
        String saleId = sellThroughTheTerminal();
        Eventually.until(DELIVERY, "at HQ", () -> countHq("select count(*) from sale_fact where sale_id = ?", saleId) == 1);
        Eventually.until(DELIVERY, "acknowledged at the store",
                () -> countStore("select count(*) from outbox_event where delivered_at is not null and payload like ?", "%" + saleId + "%") == 1);

        // The store dies after HQ took the event but before it recorded HQ's acknowledgement
        // (the acknowledgement is taken back below, so the first delivery counts as one attempt):
        chain.store().kill();
        executeStore("update outbox_event set delivered_at = null where payload like ?", "%" + saleId + "%");
        assertEquals(1, countStore("select count(*) from outbox_event where delivered_at is null"));
        // meanwhile the store renamed and repriced a product; its restart imports the sample data again
        executeStore("update product set name = 'renamed at the store', price = 1.00 where sku = 'E00001'");
        long onHand = countStore("select on_hand from stock where sku = 'E00002'");
        long products = countStore("select count(*) from product");
        long staff = countStore("select count(*) from staff");

        chain.store().start();
        chain.store().awaitReady(START);
        assertEquals(1, countStore("select count(*) from product where sku = 'E00001' and name = 'renamed at the store' and price = 1.00"),
                "importing again changes nothing the store has");
        assertEquals(onHand, countStore("select on_hand from stock where sku = 'E00002'"), "stock is not reset");
        assertEquals(products, countStore("select count(*) from product"));
        assertEquals(staff, countStore("select count(*) from staff"));
        Eventually.until(DELIVERY, "redelivered and acknowledged", () -> countStore("select count(*) from outbox_event where delivered_at is null") == 0);

        assertEquals(1, countHq("select count(*) from sale_fact where sale_id = ?", saleId), "the sale is at HQ once");
        assertEquals(before + 1, hqSales());
        assertChainReportShowsExactlyTheSalesMade();
        assertTrue(countStore("select attempts from outbox_event where payload like ?", "%" + saleId + "%") >= 2, "it was delivered twice");
    }

    @Test
    @Order(4)
    void whileHqIsAwaySalesWaitInTheOutboxAndArriveLater() throws SQLException {
        long before = hqSales();
        chain.hq().stop(Duration.ofSeconds(30));
        String saleId = sellThroughTheTerminal();
        assertEquals(1, countStore("select count(*) from outbox_event where delivered_at is null and payload like ?", "%" + saleId + "%"));

        chain.hq().start();
        chain.hq().awaitReady(START);
        Eventually.until(DELIVERY, "at HQ after its return", () -> countHq("select count(*) from sale_fact where sale_id = ?", saleId) == 1);
        assertEquals(before + 1, hqSales());
        assertChainReportShowsExactlyTheSalesMade();
    }

    @Test
    @Order(5)
    void aRestartedServerStartsItsApplicationOnce() throws IOException {
        for (var server : List.of(Map.entry(chain.store(), "store S001 ("), Map.entry(chain.hq(), "HQ starting"))) {
            String log = Files.readString(server.getKey().log());
            long boots = log.lines().filter(line -> line.contains("Payara Micro") && line.contains(" ready in ")).count();
            assertTrue(boots >= 2, server.getKey().name() + " was restarted");
            assertEquals(boots, occurrences(log, server.getValue()), server.getKey().name() + "'s start-up ran once per boot");
        }
    }

    private static long occurrences(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    @Test
    @Order(5)
    void hqRestartedOnAnUpToDateSchemaSaysWhichVersionItIsAt() throws IOException {
        Pattern migration = Pattern.compile("WEB-INF/classes/db/migration/V(\\d+)__.*\\.sql");
        int latest;
        try (ZipFile war = new ZipFile(chain.layout().distribution().war(Distribution.HQ).toFile())) {
            latest = war.stream().map(entry -> migration.matcher(entry.getName())).filter(Matcher::matches)
                    .mapToInt(version -> Integer.parseInt(version.group(1))).max().orElseThrow();
        }
        String log = Files.readString(chain.hq().log());
        assertTrue(log.contains("HQ schema at version " + latest + " (0 migrations applied now)"), "the restart's line in " + chain.hq().log());
        assertFalse(log.contains("version null"));
    }

    @Test
    @Order(6)
    void theCounterSaysSoWhenTheStoreIsUnreachable() {
        chain.store().stop(Duration.ofSeconds(30));
        try {
            Answer answer = new JsonHttp(chain.terminal().url()).get("api/store/products?q=kettle");
            assertEquals(503, answer.status(), answer::toString);
            assertTrue(answer.isProblem(), answer::toString);
            assertEquals("urn:guitai:problem:store-unreachable", answer.json().getString("type"));
        } finally {
            chain.store().start();
            chain.store().awaitReady(START);
        }
    }

    /**
     * The offline drill: the store server stops; the counter sells 20 cash sales, which the terminal
     * journals and queues with provisional slip numbers; the store comes back; the terminal is killed
     * (kill -9) in the middle of its replay and started again. Every sale reaches the store and HQ
     * exactly once, with its total, made by the cashier the terminal attests.
     */
    @Test
    @Order(7)
    void offlineDrillTwentyCashSalesArriveExactlyOnceThoughTheTerminalIsKilledMidReplay() {
        JsonHttp terminal = new JsonHttp(URI.create(chain.terminal().url() + "/api/"));
        Answer login = expect(201, terminal.post("terminal/sessions", "{\"staffCode\":\"C001\",\"pin\":\"2468\"}"));
        assertFalse(login.json().getBoolean("offline"));
        JsonHttp cashier = terminal.as(login.json().getString("token"));
        if (expect(200, cashier.get("store/shifts?status=OPEN&terminalId=T1")).array().isEmpty()) {
            expect(201, cashier.post("store/shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));
        }
        Eventually.until(DELIVERY, "the terminal to enrol its key", () -> countStore("select count(*) from terminal_key where terminal_id = 'T1'") == 1);
        expect(200, cashier.get("terminal/journal"));
        long hqBefore = hqSales();

        chain.store().stop(Duration.ofSeconds(30));
        List<String> ids = new java.util.ArrayList<>();
        java.util.Set<String> provisional = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Answer queued = expect(202, cashier.post("terminal/documents", "{\"id\":\"" + id + "\",\"createdAt\":\"" + java.time.Instant.now()
                    + "\",\"lines\":[{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + RICE_COOKER + "\",\"quantity\":\"1\"}],"
                    + "\"payments\":[{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"279.00\","
                    + "\"counted\":[{\"denomination\":\"100\",\"count\":3}],\"rejected\":[]}]}"));
            assertEquals("QUEUED", queued.json().getString("status"));
            assertTrue(provisional.add(queued.json().getString("provisionalSlip")), "each sale has its own provisional slip");
        }
        assertEquals(20, terminalState().getInt("pendingDocuments"));
        String inList = "'" + String.join("','", ids) + "'";

        chain.store().start();
        chain.store().awaitReady(START);
        Eventually.until(DELIVERY, "the replay to begin", () -> countStore("select count(*) from sale where id in (" + inList + ")") >= 1);
        chain.terminal().kill();
        long atTheKill = countStore("select count(*) from sale where id in (" + inList + ")");
        assertTrue(atTheKill < 20, "killed in the middle of the replay: " + atTheKill + " of 20 were at the store");

        chain.terminal().start();
        chain.terminal().awaitReady(START);
        Eventually.until(DELIVERY, "every queued sale at the store", () -> terminalState().getInt("pendingDocuments") == 0);
        assertEquals(20, countStore("select count(*) from sale where id in (" + inList + ")"), "each sale once");
        assertEquals(20, countStore("select count(*) from sale where id in (" + inList + ") and total = 279.00 and cashier_code = 'C001'"
                + " and terminal_id = 'T1' and status in ('PAID', 'COMPLETED')"), "with its total, by the cashier the terminal attests");
        Eventually.until(DELIVERY, "all 20 at HQ", () -> countHq("select count(*) from sale_fact where sale_id in (" + inList + ")") == 20);
        assertEquals(hqBefore + 20, hqSales(), "nothing twice at HQ");
        sold += 20;
        assertChainReportShowsExactlyTheSalesMade();
        JsonObject verdict = expect(200, cashier.get("terminal/journal/verify")).json();
        assertTrue(verdict.getBoolean("ok"), verdict::toString);
    }

    private static JsonObject terminalState() {
        return expect(200, new JsonHttp(URI.create(chain.terminal().url() + "/api/")).get("terminal")).json();
    }

    // --- the counter, through the terminal's way to the store -------------------------------------

    private static String sellThroughTheTerminal() {
        JsonHttp counter = new JsonHttp(URI.create(chain.terminal().url() + "/api/store/"));
        Answer login = counter.post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"C001\",\"pin\":\"2468\"}");
        assertEquals(201, login.status(), login::toString);
        JsonHttp cashier = counter.as(login.json().getString("token"));
        // the first sale of the day: the cashier opens a shift at T1 with a float of 500.00
        if (expect(200, cashier.get("shifts?status=OPEN&terminalId=T1")).array().isEmpty()) {
            expect(201, cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));
        }
        String saleId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}"));
        expect(201, cashier.post("sales/" + saleId + "/lines",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + RICE_COOKER + "\",\"quantity\":\"1\"}"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"279.00\",\"counted\":[{\"denomination\":\"100\",\"count\":3}]}"));
        assertEquals("收您300.00元，找您21.00元", paid.json().getString("announcement"));
        // the simulated drawer opened for the cash; the cashier gives the change and shuts it, or the next cash waits
        expect(200, new JsonHttp(URI.create(chain.terminal().url() + "/api/")).as(login.json().getString("token")).post("terminal/devices/drawer/close"));
        Answer completed = expect(200, cashier.post("sales/" + saleId + "/complete"));
        assertEquals("COMPLETED", completed.json().getString("status"));
        assertEquals(RICE_COOKER_PRICE.toPlainString(), completed.json().getString("total"));
        sold++;
        return saleId;
    }

    private static Answer expect(int status, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        return answer;
    }

    // --- HQ and the databases --------------------------------------------------------------------------

    /**
     * HQ's chain report counts exactly the sales this test made, each one rice cooker, all at S001:
     * a sale missing, counted twice or at the wrong amount changes the figures.
     */
    private static void assertChainReportShowsExactlyTheSalesMade() {
        String total = RICE_COOKER_PRICE.multiply(BigDecimal.valueOf(sold)).toPlainString();
        JsonObject report = chainReport();
        JsonObject s001 = report.getJsonArray("stores").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("storeId").equals("S001")).findFirst().orElseThrow(() -> new AssertionError("no S001 in " + report));
        assertEquals(sold, s001.getInt("sales"), () -> "S001's sales in " + report);
        assertEquals(total, s001.getString("total"), () -> "S001's total in " + report);
        assertEquals(sold, report.getInt("sales"), () -> "no other store sold anything: " + report);
        assertEquals(total, report.getString("total"), () -> "the chain's total: " + report);
    }

    private static JsonObject chainReport() {
        JsonHttp hq = new JsonHttp(URI.create(chain.hq().url() + "/api/"));
        Answer login = expect(201, hq.post("sessions", "{\"staffCode\":\"H001\",\"password\":\"hq-demo-2468\"}"));
        Answer report = expect(200, hq.as(login.json().getString("token")).get("reports/chain?from=" + LocalDate.now().minusDays(2) + "&to=" + LocalDate.now().plusDays(2)));
        return report.json();
    }

    private static long hqSales() {
        return countHq("select count(*) from sale_fact where store_id = 'S001'");
    }

    private static long countHq(String sql, Object... parameters) {
        return count(PREFIX + "hq", sql, parameters);
    }

    private static long countStore(String sql, Object... parameters) {
        return count(PREFIX + "s001", sql, parameters);
    }

    private static void executeStore(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(PREFIX + "s001"); PreparedStatement s = prepare(c, sql, parameters)) {
            s.executeUpdate();
        }
    }

    private static long count(String db, String sql, Object... parameters) {
        try (Connection c = connect(db); PreparedStatement s = prepare(c, sql, parameters); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(database.url(db), database.user(), database.password());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
