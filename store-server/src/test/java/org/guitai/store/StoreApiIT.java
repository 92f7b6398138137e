package org.guitai.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.guitai.kernel.testing.Eventually;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.guitai.kernel.testing.TestDatabase;
import org.guitai.platform.testing.Deployments;
import org.guitai.platform.testing.OpenApiDocuments;
import org.guitai.platform.testing.ProblemChecks;
import org.guitai.store.client.ApiClient;
import org.guitai.store.client.api.DefaultApi;
import org.guitai.store.client.model.AddLineRequest;
import org.guitai.store.client.model.Counted;
import org.guitai.store.client.model.LoginRequest;
import org.guitai.store.client.model.OpenSaleRequest;
import org.guitai.store.client.model.PaymentRequest;
import org.guitai.store.client.model.SaleView;
import org.guitai.store.client.model.SessionView;
import org.guitai.store.client.model.Tender;
import org.guitai.store.client.model.TenderView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store server's API over HTTP, on Payara Micro against MariaDB, with the sample data of
 * config/store/sample: logins, catalog lookups, the counter flow of a cash sale, its refusals,
 * idempotent retries, and the outbox delivery to a stand-in HQ: dead letters, requeues, HQ away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoreApiIT {

    /** E00002: 电饭煲 美的 MB-FB40S701 3L, 279.00, 13 %. */
    private static final String RICE_COOKER = "6910384000029";
    /** A valid EAN-13 that is not in the catalog. */
    private static final String NOT_IN_CATALOG = "4006381333931";

    private static StandInHq hq;

    @ArquillianResource
    URL base;

    /** Deployed at the root, as ./guitai runs it, so that its OpenAPI document names the server a real store is. */
    @Deployment(testable = false)
    static WebArchive storeServer() {
        return Deployments.builtWar("ROOT.war");
    }

    @BeforeAll
    static void startHq() throws IOException {
        hq = StandInHq.start();
    }

    @AfterAll
    static void stopHq() {
        hq.close();
    }

    private JsonHttp api() {
        return Deployments.api(base);
    }

    private JsonHttp cashier() {
        return loggedIn("C001", "2468");
    }

    private JsonHttp loggedIn(String staff, String pin) {
        Answer login = api().post("sessions", Json.createObjectBuilder()
                .add("terminalId", "T1").add("staffCode", staff).add("pin", pin).build());
        assertEquals(201, login.status(), login::toString);
        JsonHttp session = api().as(login.json().getString("token"));
        Shop.ensureOpenShift(session, "T1");
        return session;
    }

    // --- sales a terminal kept after the store refused them ---------------------------------------------

    @Test
    void aTerminalReportsTheSalesTheStoreRefusedAndTheManagerSettlesThem() throws Exception {
        JsonHttp atT1 = cashier();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String report = "{\"refused\":[%s]}";
        String one = "{\"saleId\":\"%s\",\"cashierCode\":\"C001\",\"createdAt\":\"2026-12-06T10:00:00Z\",\"status\":422,"
                + "\"problemType\":\"urn:guitai:problem:insufficient-stock\",\"reason\":\"only 0 left of E00002\","
                + "\"refusedAt\":\"2026-12-06T11:00:00Z\",\"document\":\"{}\"}";
        Answer reported = atT1.put("refused-sales/T1", report.formatted(one.formatted(first) + "," + one.formatted(second)));
        assertEquals(200, reported.status(), reported::toString);
        assertEquals(2, reported.json().getInt("refused"));
        assertEquals(403, atT1.put("refused-sales/T2", report.formatted("")).status(), "a terminal reports only its own");
        assertEquals(400, atT1.put("refused-sales/T1", "{\"refused\":[{\"saleId\":\"not-a-uuid\"}]}").status());
        assertEquals(403, atT1.get("refused-sales").status(), "the list is the manager's");

        JsonHttp manager = loggedIn("M001", "1357");
        List<JsonObject> open = manager.get("refused-sales").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("saleId").equals(first) || r.getString("saleId").equals(second)).toList();
        assertEquals(2, open.size(), open::toString);
        assertEquals("only 0 left of E00002", open.get(0).getString("reason"));
        assertEquals("T1", open.get(0).getString("terminalId"));

        assertEquals(400, manager.post("refused-sales/" + first + "/resolve", "{\"note\":\"  \"}").status(), "a settling says how");
        assertEquals(403, atT1.post("refused-sales/" + first + "/resolve", "{\"note\":\"re-entered\"}").status());
        assertEquals(204, manager.post("refused-sales/" + first + "/resolve", "{\"note\":\"re-entered at the counter as sale 42\"}").status());
        assertEquals(409, manager.post("refused-sales/" + first + "/resolve", "{\"note\":\"again\"}").status());
        assertEquals(404, manager.post("refused-sales/" + UUID.randomUUID() + "/resolve", "{\"note\":\"x\"}").status());
        assertEquals(1, count("select count(*) from audit_entry where event = 'REFUSED_SALE_RESOLVED' and sale_id = ? and requested_by = 'M001'", first));

        // the terminal sent the second again and the store took it: it reports it no more, and it is withdrawn
        assertEquals(200, atT1.put("refused-sales/T1", report.formatted("")).status());
        List<String> still = manager.get("refused-sales").array().getValuesAs(JsonObject.class).stream().map(r -> r.getString("saleId")).toList();
        assertFalse(still.contains(first) || still.contains(second), still::toString);
        List<String> all = manager.get("refused-sales?all=true").array().getValuesAs(JsonObject.class).stream().map(r -> r.getString("saleId")).toList();
        assertTrue(all.contains(first) && all.contains(second), all::toString);
    }

    // --- health and documents ------------------------------------------------------------------

    @Test
    void reportsReadyWhileTheDatabaseAnswers() throws Exception {
        Answer health = new JsonHttp(base.toURI().resolve("/")).get("health/ready");
        assertEquals(200, health.status(), health::toString);
        JsonObject database = health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        Answer openapi = new JsonHttp(base.toURI().resolve("/")).get("openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        JsonObject paths = openapi.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/sales/{id}/payments"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/sessions"), paths.keySet().toString());
    }

    @Test
    void servesTheOpenApiDocumentThatIsCommitted() throws Exception {
        JsonObject served = openApi().json();
        Path servedCopy = Path.of(System.getProperty("guitai.openapi.served"));
        Files.createDirectories(servedCopy.getParent());
        Files.writeString(servedCopy, OpenApiDocuments.pretty(served));
        Path committed = Path.of(System.getProperty("guitai.openapi.committed"));
        JsonValue expected;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(committed))) {
            expected = reader.readValue();
        }
        Optional<String> difference = OpenApiDocuments.firstDifference(expected, served);
        assertTrue(difference.isEmpty(), () -> "the store serves another OpenAPI document than " + committed + ", which its client is"
                + " generated from: " + difference.orElseThrow() + ". If the API change is meant, refresh the committed copy from the"
                + " document this test saw: cp " + servedCopy + " " + committed);
    }

    @Test
    void itsOpenApiDocumentIsValidAndSaysWhatTheWireCarries() throws Exception {
        Answer openapi = openApi();
        assertEquals(List.of(), OpenApiDocuments.validationErrors(openapi.body()), "openapi-generator's validation of the served document");
        JsonObject document = openapi.json();
        assertFalse(document.containsKey("endpoints"), "Payara's own endpoints member is no OpenAPI");
        List<String> operationIds = document.getJsonObject("paths").values().stream()
                .flatMap(item -> item.asJsonObject().values().stream())
                .filter(member -> member.getValueType() == JsonValue.ValueType.OBJECT && member.asJsonObject().containsKey("operationId"))
                .map(operation -> operation.asJsonObject().getString("operationId")).toList();
        assertEquals(operationIds.size(), new java.util.HashSet<>(operationIds).size(), operationIds::toString);
        assertTrue(operationIds.containsAll(List.of("salesOpen", "salesGet", "productsGet", "saleInvoicesList", "saleDeliveriesList")), operationIds::toString);

        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertEquals(schema("{\"type\":\"string\",\"format\":\"uuid\"}"), property(schemas, "OpenSaleRequest", "id"));
        assertEquals(schema("{\"type\":\"string\",\"format\":\"date-time\"}"), property(schemas, "SaleDocumentRequest", "createdAt"));
        // JSON-B writes the slip number, a Long, as a JSON integer: "slipNumber":42
        assertEquals(schema("{\"type\":\"integer\",\"format\":\"int64\"}"), property(schemas, "SaleView", "slipNumber"));
        assertEquals(schema("{\"type\":\"string\",\"format\":\"binary\"}"), document.getJsonObject("paths").getJsonObject("/api/sales/{id}/slip.png")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("default").getJsonObject("content").getJsonObject("image/png").get("schema"));
        assertEquals(List.of("/"), document.getJsonArray("servers").getValuesAs(JsonObject.class).stream().map(s -> s.getString("url")).toList(),
                "the server is where the store's context root is, relative to the document");
    }

    @Test
    void sellsForCashThroughAClientGeneratedFromItsOpenApiDocument() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/+$", ""));
        SessionView session = new DefaultApi(client).sessionsLogin(new LoginRequest().terminalId("T1").staffCode("C001").pin("2468"));
        assertEquals("C001", session.getStaff().getCode());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + session.getToken()));
        DefaultApi store = new DefaultApi(client);
        Shop.ensureOpenShift(api().as(session.getToken()), "T1");

        UUID saleId = UUID.randomUUID();
        SaleView opened = store.salesOpen(new OpenSaleRequest().id(saleId).terminalId("T1"));
        assertEquals("OPEN", opened.getStatus());
        SaleView ordered = store.salesAddLine(saleId.toString(), new AddLineRequest().id(UUID.randomUUID()).barcode(RICE_COOKER).quantity("1"));
        assertEquals("279.00", ordered.getTotal());
        assertEquals("MB-FB40S701", ordered.getLines().get(0).getModel());
        assertEquals("CONFIRMED", store.salesConfirm(saleId.toString()).getStatus());
        TenderView paid = store.salesPay(saleId.toString(), new PaymentRequest().id(UUID.randomUUID()).tender(Tender.CASH).amountDue("279.00")
                .counted(List.of(new Counted().denomination("100").count(3))).rejected(List.of()));
        assertEquals("300.00", paid.getPayment().getReceived());
        assertEquals("21.00", paid.getPayment().getChange());
        assertEquals("PAID", paid.getSale().getStatus());
        assertTrue(paid.getSale().getSlipNumber() > 0, paid::toString);
        SaleView completed = store.salesComplete(saleId.toString());
        assertEquals("COMPLETED", completed.getStatus());
        assertEquals(1, count("select count(*) from sale where id = ? and status = 'COMPLETED'", saleId.toString()));
        assertEquals(1, count("select count(*) from outbox_event where type = 'SaleCompleted' and payload like ?", "%" + saleId + "%"));
    }

    @Test
    void saysWhichStoreItIsWithoutASession() {
        Answer status = api().get("status");
        assertEquals(200, status.status(), status::toString);
        assertEquals("S001", status.json().getString("storeId"));
        assertEquals("CNY", status.json().getString("currency"));
        assertEquals(List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1"),
                status.json().getJsonArray("denominations").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
                "the pieces a drawer is counted in, largest first");
    }

    // --- sessions --------------------------------------------------------------------------------

    @Test
    void logsInWithStaffCodeAndPin() {
        Answer login = api().post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"C001\",\"pin\":\"2468\"}");
        assertEquals(201, login.status(), login::toString);
        JsonObject body = login.json();
        assertEquals(22, body.getString("token").length(), "a 128-bit random token");
        assertEquals("C001", body.getJsonObject("staff").getString("code"));
        assertEquals(List.of("CASHIER"), body.getJsonObject("staff").getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        Answer current = api().as(body.getString("token")).get("sessions/current");
        assertEquals(200, current.status(), current::toString);
        assertEquals("T1", current.json().getString("terminalId"));
    }

    @Test
    void wrongPinAndUnknownCodeGetTheSameRefusal() {
        Answer wrongPin = api().post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"C001\",\"pin\":\"0000\"}");
        Answer unknownCode = api().post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"X999\",\"pin\":\"0000\"}");
        for (Answer refusal : List.of(wrongPin, unknownCode)) {
            assertEquals(401, refusal.status(), refusal::toString);
            assertTrue(refusal.isProblem(), refusal::toString);
            assertEquals("urn:guitai:problem:invalid-credentials", refusal.json().getString("type"));
        }
        assertEquals(wrongPin.json().getString("detail"), unknownCode.json().getString("detail"));
        assertFalse(wrongPin.body().contains("C001"), "the answer does not echo the staff code");
    }

    @Test
    void refusesLoginAtATerminalNotEnrolledHere() {
        Answer refusal = api().post("sessions", "{\"terminalId\":\"T99\",\"staffCode\":\"C001\",\"pin\":\"2468\"}");
        assertEquals(403, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:terminal-not-enrolled", refusal.json().getString("type"));
    }

    @Test
    void refusesCallsWithoutAValidToken() throws Exception {
        for (Answer refusal : List.of(api().get("products?q=kettle"), api().as("not-a-token").get("products?q=kettle"),
                api().post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\"}"))) {
            assertEquals(401, refusal.status(), refusal::toString);
            assertTrue(refusal.isProblem(), refusal::toString);
            assertEquals("urn:guitai:problem:not-authenticated", refusal.json().getString("type"));
        }
        JsonHttp cashier = cashier();
        assertEquals(204, cashier.delete("sessions/current").status());
        assertEquals(401, cashier.get("products?q=kettle").status(), "a logged-out token opens nothing");
    }

    // --- bad input changes nothing ------------------------------------------------------------------

    @Test
    void malformedJsonIs400AndChangesNothing() throws SQLException {
        long sales = count("select count(*) from sale");
        Answer refusal = cashier().post("sales", "{\"id\": \"" + UUID.randomUUID() + "\", \"terminalId\": ");
        assertEquals(400, refusal.status(), refusal::toString);
        assertTrue(refusal.isProblem(), refusal::toString);
        assertEquals("urn:guitai:problem:malformed-request", refusal.json().getString("type"));
        Answer mistyped = cashier().post("sales", "{\"id\": \"not-a-uuid\", \"terminalId\": \"T1\"}");
        assertEquals(400, mistyped.status(), mistyped::toString);
        assertEquals(sales, count("select count(*) from sale"));
    }

    @Test
    void invalidFieldsAre400NamingEachField() {
        Answer refusal = cashier().post("sales", "{\"terminalId\": \"T 1\"}");
        assertEquals(400, refusal.status(), refusal::toString);
        JsonObject problem = refusal.json();
        assertEquals("urn:guitai:problem:invalid-request", problem.getString("type"));
        List<String> fields = problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream().map(v -> v.getString("field")).toList();
        assertEquals(List.of("id", "terminalId"), fields);
    }

    @Test
    void unknownPathsAnswerProblemsToo() {
        Answer missing = cashier().get("nothing-here");
        assertEquals(404, missing.status(), missing::toString);
        assertTrue(missing.isProblem(), missing::toString);
    }

    // --- catalog -------------------------------------------------------------------------------------

    @Test
    void findsAProductByBarcodeWithItsStock() throws SQLException {
        Answer found = cashier().get("products?barcode=" + RICE_COOKER);
        assertEquals(200, found.status(), found::toString);
        JsonObject product = found.array().getJsonObject(0);
        assertEquals("E00002", product.getString("sku"));
        assertEquals("电饭煲", product.getString("name"));
        assertEquals("美的", product.getString("brand"));
        assertEquals("MB-FB40S701", product.getString("model"));
        assertEquals("3L 小容量", product.getString("spec"));
        assertEquals("台", product.getString("unit"));
        assertEquals("279.00", product.getString("price"));
        assertEquals("0.13", product.getString("vatRate"));
        assertSameQuantity(new BigDecimal(product.getString("stock")), stockOf("E00002"));
    }

    @Test
    void unknownBarcodeIs404AndMisreadBarcodeIs400() {
        Answer unknown = cashier().get("products?barcode=" + NOT_IN_CATALOG);
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.isProblem(), unknown::toString);
        assertEquals("urn:guitai:problem:product-not-found", unknown.json().getString("type"));
        Answer misread = cashier().get("products?barcode=6910384000028");
        assertEquals(400, misread.status(), misread::toString);
        assertTrue(misread.isProblem(), misread::toString);
        assertEquals("urn:guitai:problem:invalid-barcode", misread.json().getString("type"));
    }

    @Test
    void searchesByText() {
        Answer found = cashier().get("products?q=MB-FB40S701");
        assertEquals(200, found.status(), found::toString);
        assertEquals(3, found.array().size()); // E00002 白色 and the same cooker in 灰色 (E00011) and 粉色 (E00012)
        assertEquals(0, cashier().get("products?q=no-such-thing-anywhere").array().size());
        List<JsonObject> byName = cashier().get("products?q=" + java.net.URLEncoder.encode("电饭煲", StandardCharsets.UTF_8)).array().getValuesAs(JsonObject.class);
        assertTrue(byName.size() >= 3 && byName.stream().allMatch(p -> p.getString("name").contains("电饭煲")), byName.toString());
        List<JsonObject> byBrand = cashier().get("products?q=" + java.net.URLEncoder.encode("苏泊尔", StandardCharsets.UTF_8)).array().getValuesAs(JsonObject.class);
        assertTrue(!byBrand.isEmpty() && byBrand.stream().allMatch(p -> p.getString("brand").equals("苏泊尔")), byBrand.toString());
        assertEquals(3, cashier().get("products?q=mb-fb40s701").array().size(), "the search ignores case");
    }

    // --- the counter flow ------------------------------------------------------------------------------

    @Test
    void sellsForCashWithTheCashChecksAndQueuesTheSaleForHq() throws SQLException {
        JsonHttp cashier = cashier();
        BigDecimal stockBefore = stockOf("E00002");
        String saleId = UUID.randomUUID().toString();

        Answer opened = cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}");
        assertEquals(201, opened.status(), opened::toString);
        assertEquals("OPEN", opened.json().getString("status"));
        assertTrue(opened.header("Location").orElseThrow().endsWith("/api/sales/" + saleId));

        JsonObject sale = addLine(cashier, saleId, RICE_COOKER, "2").json();
        assertEquals("558.00", sale.getString("total"));
        JsonObject line = sale.getJsonArray("lines").getJsonObject(0);
        assertEquals("279.00", line.getString("unitPrice"));
        assertEquals("2", line.getString("quantity"));
        assertEquals("558.00", line.getString("amount"));
        assertEquals("MB-FB40S701", line.getString("model"));

        Answer confirmed = cashier.post("sales/" + saleId + "/confirm");
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("CONFIRMED", confirmed.json().getString("status"));

        String paymentId = UUID.randomUUID().toString();
        Answer paid = cashier.post("sales/" + saleId + "/payments", cash(paymentId, "558.00", "[{\"denomination\":\"100\",\"count\":5},"
                + "{\"denomination\":\"50\",\"count\":2}]", "[{\"denomination\":\"100\",\"serial\":\"FA12345678\",\"reason\":\"COUNTERFEIT\"}]"));
        assertEquals(201, paid.status(), paid::toString);
        JsonObject tender = paid.json();
        assertEquals("600.00", tender.getJsonObject("payment").getString("received"), "the rejected note is not part of the tender");
        assertEquals("558.00", tender.getJsonObject("payment").getString("applied"));
        assertEquals("42.00", tender.getJsonObject("payment").getString("change"));
        assertEquals("收您600.00元，找您42.00元", tender.getString("announcement"));
        assertEquals(List.of("20x2", "1x2"), pieces(tender.getJsonArray("changeBreakdown")));
        JsonObject paidSale = tender.getJsonObject("sale");
        assertEquals("PAID", paidSale.getString("status"));
        assertEquals("0.00", paidSale.getString("due"));
        assertTrue(paidSale.getJsonNumber("slipNumber").longValue() > 0);
        assertSameQuantity(stockBefore.subtract(new BigDecimal("2")), stockOf("E00002"));
        assertEquals(1, count("select count(*) from rejected_note r join payment p on p.id = r.payment_id where p.sale_id = ? and r.serial = 'FA12345678'", saleId));

        Answer completed = cashier.post("sales/" + saleId + "/complete");
        assertEquals(200, completed.status(), completed::toString);
        assertEquals("COMPLETED", completed.json().getString("status"));
        assertEquals(1, count("select count(*) from outbox_event where type = 'SaleCompleted' and payload like ?", "%" + saleId + "%"));

        JsonObject event = Eventually.until(Duration.ofSeconds(30), "delivered to HQ", () -> hq.saleEvent(saleId), Optional::isPresent).orElseThrow();
        JsonObject delivered = event.getJsonObject("saleCompleted");
        assertEquals("558.00", delivered.getString("total"));
        assertEquals("64.19", delivered.getString("tax"), "558.00 - 558.00 / 1.13");
        assertEquals("C001", delivered.getString("cashier"));
        assertTrue(hq.authorizations().contains("Bearer test-credential-of-store-S001"), hq.authorizations()::toString);
        Eventually.until(Duration.ofSeconds(30), "marked delivered", () -> count("select count(*) from outbox_event where delivered_at is null and payload like ?", "%" + saleId + "%") == 0);
    }

    @Test
    void repeatedRequestsReturnTheFirstResult() throws SQLException {
        JsonHttp cashier = cashier();
        String saleId = UUID.randomUUID().toString();
        String open = "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}";
        assertEquals(201, cashier.post("sales", open).status());
        assertEquals(201, cashier.post("sales", open).status());
        assertEquals(1, count("select count(*) from sale where id = ?", saleId));

        String lineId = UUID.randomUUID().toString();
        String line = "{\"id\":\"" + lineId + "\",\"barcode\":\"" + RICE_COOKER + "\",\"quantity\":\"1\"}";
        cashier.post("sales/" + saleId + "/lines", line);
        Answer again = cashier.post("sales/" + saleId + "/lines", line);
        assertEquals("279.00", again.json().getString("total"));
        assertEquals(1, count("select count(*) from sale_line where sale_id = ?", saleId));

        cashier.post("sales/" + saleId + "/confirm");
        String paymentId = UUID.randomUUID().toString();
        String payment = cash(paymentId, "279.00", "[{\"denomination\":\"100\",\"count\":3}]", "[]");
        Answer first = cashier.post("sales/" + saleId + "/payments", payment);
        Answer retried = cashier.post("sales/" + saleId + "/payments", payment);
        assertEquals(201, retried.status(), retried::toString);
        assertEquals(first.json().getJsonObject("payment"), retried.json().getJsonObject("payment"));
        assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));

        cashier.post("sales/" + saleId + "/complete");
        assertEquals(200, cashier.post("sales/" + saleId + "/complete").status());
        assertEquals(1, count("select count(*) from outbox_event where payload like ?", "%" + saleId + "%"));
    }

    @Test
    void eightClientsRetryingOnePaymentChargeOnce() throws Exception {
        JsonHttp cashier = cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String payment = cash(UUID.randomUUID().toString(), "279.00", "[{\"denomination\":\"100\",\"count\":3}]", "[]");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = clients.invokeAll(java.util.Collections.nCopies(8,
                    () -> cashier.post("sales/" + saleId + "/payments", payment)));
            for (Future<Answer> answer : answers) {
                assertEquals(201, answer.get().status(), answer.get()::toString);
                assertEquals("21.00", answer.get().json().getJsonObject("payment").getString("change"));
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));
        assertEquals("279.00", cashier.get("sales/" + saleId).json().getString("paid"));
    }

    @Test
    void amountDueThatDoesNotMatchIs422AndRecordsNothing() throws SQLException {
        JsonHttp cashier = cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer refusal = cashier.post("sales/" + saleId + "/payments", cash(UUID.randomUUID().toString(), "270.00",
                "[{\"denomination\":\"100\",\"count\":3}]", "[]"));
        assertEquals(422, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:amount-due-mismatch", refusal.json().getString("type"));
        assertEquals("279.00", refusal.json().getString("due"));
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
        assertEquals("CONFIRMED", cashier.get("sales/" + saleId).json().getString("status"));
    }

    @Test
    void insufficientCashIs422() throws SQLException {
        JsonHttp cashier = cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer refusal = cashier.post("sales/" + saleId + "/payments", cash(UUID.randomUUID().toString(), "279.00",
                "[{\"denomination\":\"100\",\"count\":2},{\"denomination\":\"50\",\"count\":1}]", "[]"));
        assertEquals(422, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:insufficient-cash", refusal.json().getString("type"));
        assertEquals("250.00", refusal.json().getString("received"));
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
    }

    @Test
    void notesOfUnknownDenominationsAreRefused() {
        JsonHttp cashier = cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer refusal = cashier.post("sales/" + saleId + "/payments", cash(UUID.randomUUID().toString(), "279.00",
                "[{\"denomination\":\"300\",\"count\":1}]", "[]"));
        assertEquals(422, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:unknown-denomination", refusal.json().getString("type"));
    }

    @Test
    void linesCannotChangeOnceConfirmed() {
        JsonHttp cashier = cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer refusal = addLine(cashier, saleId, RICE_COOKER, "1");
        assertEquals(409, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:sale-state", refusal.json().getString("type"));
        assertEquals("CONFIRMED", refusal.json().getString("state"));
        assertTrue(refusal.json().getString("detail").contains("CONFIRMED"));
    }

    @Test
    void anUnpaidSaleCannotComplete() {
        JsonHttp cashier = cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer refusal = cashier.post("sales/" + saleId + "/complete");
        assertEquals(409, refusal.status(), refusal::toString);
        assertEquals("CONFIRMED", refusal.json().getString("state"));
    }

    @Test
    void sellingBeyondStockIs422NamingWhatIsAvailable() throws SQLException {
        JsonHttp cashier = cashier();
        String saleId = UUID.randomUUID().toString();
        cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}");
        BigDecimal available = stockOf("E00002");
        Answer refusal = addLine(cashier, saleId, RICE_COOKER, available.add(BigDecimal.ONE).toPlainString());
        assertEquals(422, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:insufficient-stock", refusal.json().getString("type"));
        assertEquals(available.stripTrailingZeros().toPlainString(), refusal.json().getString("available"));
        assertEquals(0, count("select count(*) from sale_line where sale_id = ?", saleId));
    }

    @Test
    void unknownBarcodeOnALineIs404() {
        JsonHttp cashier = cashier();
        String saleId = UUID.randomUUID().toString();
        cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}");
        Answer refusal = addLine(cashier, saleId, NOT_IN_CATALOG, "1");
        assertEquals(404, refusal.status(), refusal::toString);
        assertTrue(refusal.isProblem(), refusal::toString);
        JsonObject unchanged = cashier.get("sales/" + saleId).json();
        assertEquals(0, unchanged.getJsonArray("lines").size(), "the refused line changed nothing");
        assertEquals("0.00", unchanged.getString("total"));
        assertEquals(0, count("select count(*) from sale_line where sale_id = ?", saleId));
        Answer missing = cashier.get("sales/" + UUID.randomUUID());
        assertEquals(404, missing.status());
        assertTrue(missing.isProblem(), missing::toString);
    }

    @Test
    void aSaleCannotBeOpenedForAnotherTerminal() {
        Answer refusal = cashier().post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T2\"}");
        assertEquals(422, refusal.status(), refusal::toString);
        assertEquals("urn:guitai:problem:wrong-terminal", refusal.json().getString("type"));
    }

    // --- the outbox: dead letters, requeues, HQ away -------------------------------------------------

    @Test
    void eventsHqRefusesBecomeDeadLettersAndNoLongerHoldBackTheOthers() throws Exception {
        // more refusals than one batch holds (guitai.outbox.batch-size, 100 here): they used to come back at the front of every batch
        List<String> refused = recordEventsHqDoesNotKnow("StockCounted", 150);
        JsonHttp cashier = cashier();
        String first = UUID.randomUUID().toString();
        sellAKettle(cashier, first);
        Eventually.until(Duration.ofSeconds(30), "the sale behind the refused events at HQ", () -> hq.saleEvent(first), Optional::isPresent);
        Eventually.until(Duration.ofSeconds(30), "every refused event set aside",
                () -> count("select count(*) from outbox_event where type = 'StockCounted' and dead_at is not null and delivered_at is null") == 150);
        assertEquals(150, count("select count(*) from outbox_event where type = 'StockCounted' and dead_count = 1 and attempts = 1"
                + " and dead_reason = 'rejected by HQ: unknown event type StockCounted'"));

        String second = UUID.randomUUID().toString();
        sellAKettle(cashier, second);
        Eventually.until(Duration.ofSeconds(30), "a later sale at HQ", () -> hq.saleEvent(second), Optional::isPresent);
        for (String id : refused) {
            assertEquals(1, hq.receiptsOf(id).size(), () -> "a dead letter is not sent again: " + hq.receiptsOf(id));
        }

        JsonHttp manager = loggedIn("M001", "1357");
        Answer status = manager.get("sync/outbox");
        assertEquals(200, status.status(), status::toString);
        assertTrue(status.contentType().startsWith("application/json"), status::toString);
        assertTrue(status.json().getJsonNumber("deadLetterCount").longValue() >= 150, status::toString);
        List<JsonObject> shown = status.json().getJsonArray("deadLetters").getValuesAs(JsonObject.class);
        assertEquals(50, shown.size(), "the status shows the most recent dead letters");
        for (JsonObject dead : shown) {
            assertEquals("DEAD_LETTER", dead.getString("state"));
            assertEquals("StockCounted", dead.getString("type"), "the newest dead letters are this test's");
            assertEquals("rejected by HQ: unknown event type StockCounted", dead.getString("reason"));
            assertTrue(refused.contains(dead.getString("id")));
            assertFalse(dead.getString("deadAt").isBlank());
        }
        assertTrue(manager.get("sync/outbox/dead-letters?limit=1000").array().size() >= 150);
        Answer badLimit = manager.get("sync/outbox/dead-letters?limit=lots");
        assertEquals(400, badLimit.status(), badLimit::toString);
        assertTrue(badLimit.isProblem(), badLimit::toString);

        Answer cashierLooks = cashier.get("sync/outbox");
        assertEquals(403, cashierLooks.status(), cashierLooks::toString);
        assertTrue(cashierLooks.isProblem(), cashierLooks::toString);
        assertEquals("urn:guitai:problem:forbidden", cashierLooks.json().getString("type"));

        Answer health = new JsonHttp(base.toURI().resolve("/")).get("health/ready");
        assertEquals(200, health.status(), "dead letters do not make the store unready: " + health);
        JsonObject outbox = health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("outbox")).findFirst().orElseThrow();
        assertEquals("UP", outbox.getString("status"));
        // Payara writes health data as strings
        assertTrue(Long.parseLong(outbox.getJsonObject("data").get("deadLetters").toString().replace("\"", "")) >= 150, outbox::toString);
    }

    @Test
    void aManagerPutsADeadLetterBackInLineOnceHqIsFixed() {
        String saleId = UUID.randomUUID().toString();
        hq.refuseSale(saleId, "sale " + saleId + " cannot be read: a test says so");
        try {
            sellAKettle(cashier(), saleId);
            Eventually.until(Duration.ofSeconds(30), "set aside",
                    () -> count("select count(*) from outbox_event where payload like ? and dead_at is not null", "%" + saleId + "%") == 1);
            String eventId = text("select id from outbox_event where payload like ?", "%" + saleId + "%");
            JsonHttp manager = loggedIn("M001", "1357");
            Answer dead = manager.get("sync/outbox/events/" + eventId);
            assertEquals(200, dead.status(), dead::toString);
            assertEquals("DEAD_LETTER", dead.json().getString("state"));
            assertEquals("rejected by HQ: sale " + saleId + " cannot be read: a test says so", dead.json().getString("reason"));
            assertEquals(Optional.empty(), hq.saleEvent(saleId));

            Answer cashierTries = cashier().post("sync/outbox/dead-letters/" + eventId + "/retry");
            assertEquals(403, cashierTries.status(), cashierTries::toString);
            assertTrue(cashierTries.isProblem(), cashierTries::toString);

            // requeued while HQ still refuses it: refused again, and still kept
            Answer early = manager.post("sync/outbox/dead-letters/" + eventId + "/retry");
            assertEquals(200, early.status(), early::toString);
            assertEquals("PENDING", early.json().getString("state"));
            assertEquals("M001", early.json().getString("requeuedBy"));
            assertEquals(1, count("select count(*) from audit_entry where event = 'OUTBOX_REQUEUED' and subject = ? and requested_by = 'M001'"
                    + " and terminal_id is not null and detail like ?", eventId, "SaleCompleted event put back in line for HQ after: rejected by HQ: %"));
            Eventually.until(Duration.ofSeconds(30), "refused again",
                    () -> count("select count(*) from outbox_event where id = ? and dead_at is not null and dead_count = 2", eventId) == 1);

            hq.acceptSale(saleId);
            Answer retried = manager.post("sync/outbox/dead-letters/" + eventId + "/retry");
            assertEquals(200, retried.status(), retried::toString);
            Eventually.until(Duration.ofSeconds(30), "at HQ after the requeue", () -> hq.saleEvent(saleId), Optional::isPresent);
            Eventually.until(Duration.ofSeconds(30), "marked delivered",
                    () -> count("select count(*) from outbox_event where id = ? and delivered_at is not null", eventId) == 1);
            assertEquals(1, count("select count(*) from outbox_event where id = ? and dead_at is null and dead_count = 2 and requeued_by = 'M001'"
                    + " and requeued_at is not null", eventId));
            assertEquals(1, hq.deliveriesOf(saleId));
            assertEquals("DELIVERED", manager.get("sync/outbox/events/" + eventId).json().getString("state"));

            Answer late = manager.post("sync/outbox/dead-letters/" + eventId + "/retry");
            assertEquals(409, late.status(), late::toString);
            assertEquals(2, count("select count(*) from audit_entry where event = 'OUTBOX_REQUEUED' and subject = ?", eventId),
                    "two requeues audited, the refused third one not");
            assertTrue(late.isProblem(), late::toString);
            assertEquals("urn:guitai:problem:not-a-dead-letter", late.json().getString("type"));
            assertEquals("DELIVERED", late.json().getString("state"));
            Answer unknown = manager.post("sync/outbox/dead-letters/" + UUID.randomUUID() + "/retry");
            assertEquals(404, unknown.status(), unknown::toString);
            assertTrue(unknown.isProblem(), unknown::toString);
        } finally {
            hq.acceptSale(saleId);
        }
    }

    @Test
    void aManagerPutsEveryDeadLetterBackInLineAtOnce() throws SQLException {
        List<String> ids = recordEventsHqDoesNotKnow("PriceChanged", 3);
        Eventually.until(Duration.ofSeconds(30), "set aside",
                () -> count("select count(*) from outbox_event where type = 'PriceChanged' and dead_at is not null") == 3);
        hq.learn("PriceChanged");
        String requeues = "select count(*) from audit_entry where event = 'OUTBOX_REQUEUED' and subject = 'dead letters'"
                + " and requested_by = 'M001' and detail like ?";
        String pattern = "the % oldest dead letters put back in line for HQ (%PriceChanged%";
        long audited = count(requeues, pattern);
        Answer requeued = loggedIn("M001", "1357").post("sync/outbox/dead-letters/retry");
        assertEquals(200, requeued.status(), requeued::toString);
        assertTrue(requeued.json().getInt("requeued") >= 3, requeued::toString);
        assertEquals(audited + 1, count(requeues, pattern), "one entry for the lot");
        Eventually.until(Duration.ofSeconds(30), "all delivered after the requeue",
                () -> count("select count(*) from outbox_event where type = 'PriceChanged' and delivered_at is not null and dead_at is null"
                        + " and requeued_by = 'M001'") == 3);
        for (String id : ids) {
            assertEquals(List.of("rejected", "accepted"), hq.receiptsOf(id).stream().map(StandInHq.Receipt::answer).toList());
        }
    }

    @Test
    void whileHqIsDownEventsWaitInLineWithGrowingPausesAndArriveWhenItIsBack() throws Exception {
        String saleId = UUID.randomUUID().toString();
        hq.goDown();
        try {
            sellAKettle(cashier(), saleId);
            String eventId = text("select id from outbox_event where payload like ?", "%" + saleId + "%");
            List<StandInHq.Receipt> tries = Eventually.until(Duration.ofSeconds(30), "tried four times", () -> hq.receiptsOf(eventId), r -> r.size() >= 4);
            // after the 3rd failure in a row the relay waits 2^3 intervals of 200 ms, not one
            Duration pause = Duration.between(tries.get(2).at(), tries.get(3).at());
            assertTrue(pause.compareTo(Duration.ofMillis(1_600)) >= 0, () -> "the relay backs off: " + tries);
            // HQ has seen the fourth try before the relay writes down its failure: wait for the row
            Eventually.until(Duration.ofSeconds(30), "HQ being down is no refusal: the event stays in line, its tries counted",
                    () -> count("select count(*) from outbox_event where id = ? and delivered_at is null and dead_at is null and dead_count = 0"
                            + " and attempts >= 4 and last_error like '%503%'", eventId) == 1);

            Answer status = loggedIn("M001", "1357").get("sync/outbox");
            assertEquals(200, status.status(), status::toString);
            assertTrue(status.json().getJsonNumber("pending").longValue() >= 1, status::toString);
            assertTrue(status.json().getJsonNumber("oldestPendingAgeSeconds").longValue() >= 0, status::toString);
            assertTrue(status.json().getJsonObject("relay").getInt("consecutiveFailures") >= 1, status::toString);
            assertTrue(status.json().getJsonObject("relay").getString("lastFailure").contains("503"), status::toString);
            assertEquals(200, new JsonHttp(base.toURI().resolve("/")).get("health/ready").status(), "HQ being down does not make the store unready");

            hq.comeBack();
            Eventually.until(Duration.ofSeconds(30), "at HQ after its return", () -> hq.saleEvent(saleId), Optional::isPresent);
            Eventually.until(Duration.ofSeconds(30), "marked delivered",
                    () -> count("select count(*) from outbox_event where id = ? and delivered_at is not null and dead_count = 0", eventId) == 1);
        } finally {
            hq.comeBack();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Answer openApi() throws java.net.URISyntaxException {
        Answer openapi = new JsonHttp(base.toURI().resolve("/")).get("openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        return openapi;
    }

    private static JsonValue property(JsonObject schemas, String schema, String property) {
        return schemas.getJsonObject(schema).getJsonObject("properties").get(property);
    }

    private static JsonValue schema(String json) {
        return Json.createReader(new java.io.StringReader(json)).readValue();
    }

    /** E00014 电水壶 苏泊尔 SW-15S12A 159.00 for cash, from open to complete: a SaleCompleted event for HQ. */
    private static void sellAKettle(JsonHttp cashier, String saleId) {
        assertEquals(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}").status());
        Answer line = addLine(cashier, saleId, "6911503010011", "1");
        assertEquals(201, line.status(), line::toString);
        assertEquals(200, cashier.post("sales/" + saleId + "/confirm").status());
        Answer paid = cashier.post("sales/" + saleId + "/payments", cash(UUID.randomUUID().toString(), "159.00",
                "[{\"denomination\":\"100\",\"count\":1},{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"10\",\"count\":1}]", "[]"));
        assertEquals(201, paid.status(), paid::toString);
        Answer completed = cashier.post("sales/" + saleId + "/complete");
        assertEquals(200, completed.status(), completed::toString);
    }

    /** Events of a type HQ does not know yet, as a store upgraded before its HQ would write them. */
    private static List<String> recordEventsHqDoesNotKnow(String type, int howMany) throws SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.get().connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into outbox_event (id, type, payload, created_at, attempts) values (?, ?, ?, ?, 0)")) {
                for (int i = 0; i < howMany; i++) {
                    String id = UUID.randomUUID().toString();
                    s.setString(1, id);
                    s.setString(2, type);
                    s.setString(3, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2026-11-23T08:00:00Z\"}");
                    s.setObject(4, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
                    s.addBatch();
                    ids.add(id);
                }
                s.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    private static String text(String sql, Object... parameters) {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), () -> "no row for " + sql);
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer addLine(JsonHttp cashier, String saleId, String barcode, String quantity) {
        return cashier.post("sales/" + saleId + "/lines",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + barcode + "\",\"quantity\":\"" + quantity + "\"}");
    }

    private static String confirmedSale(JsonHttp cashier, String barcode, String quantity) {
        String saleId = UUID.randomUUID().toString();
        assertEquals(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}").status());
        Answer line = addLine(cashier, saleId, barcode, quantity);
        assertEquals(201, line.status(), line::toString);
        Answer confirmed = cashier.post("sales/" + saleId + "/confirm");
        assertEquals(200, confirmed.status(), confirmed::toString);
        return saleId;
    }

    private static String cash(String paymentId, String amountDue, String counted, String rejected) {
        return "{\"id\":\"" + paymentId + "\",\"tender\":\"CASH\",\"amountDue\":\"" + amountDue + "\",\"counted\":" + counted
                + ",\"rejected\":" + rejected + "}";
    }

    private static List<String> pieces(JsonArray breakdown) {
        return breakdown.getValuesAs(JsonObject.class).stream().map(p -> p.getString("denomination") + "x" + p.getInt("count")).toList();
    }

    private static void assertSameQuantity(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    private static BigDecimal stockOf(String sku) throws SQLException {
        try (Connection c = TestDatabase.get().connect();
             PreparedStatement s = c.prepareStatement("select on_hand from stock where sku = ?")) {
            s.setString(1, sku);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no stock row for " + sku);
                return r.getBigDecimal(1);
            }
        }
    }

    private static long count(String sql, Object... parameters) {
        return TestDatabase.get().count(sql, parameters);
    }

    /** Each way a request fails is answered by the store as by every server (the platform's mapping, over HTTP). */
    @Test
    void answersEveryFailureAsEveryServerDoes() {
        ProblemChecks.everyFailureIsAnsweredAlike(api(), true);
    }
}
