package org.guitai.store;

import static org.guitai.store.Shop.BIG_RICE_COOKER;
import static org.guitai.store.Shop.RICE_COOKER;
import static org.guitai.store.Shop.addLine;
import static org.guitai.store.Shop.assertProblem;
import static org.guitai.store.Shop.cash;
import static org.guitai.store.Shop.check;
import static org.guitai.store.Shop.confirmedSale;
import static org.guitai.store.Shop.count;
import static org.guitai.store.Shop.expect;
import static org.guitai.store.Shop.openSale;
import static org.guitai.store.Shop.paidSale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.guitai.kernel.testing.Eventually;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.guitai.platform.testing.Deployments;
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
 * Every rule of the counter flow over HTTP, on Payara Micro against MariaDB: approvals and the
 * audit log, login throttling, discounts and voids, card and check tenders, slips, invoices,
 * packing, deliveries and whole-sale documents, with their refusals and races.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CounterRulesIT {

    private static StandInHq hq;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive storeServer() {
        return Deployments.builtWar("store-server.war");
    }

    @BeforeAll
    static void startHq() throws IOException, SQLException {
        hq = StandInHq.start();
        // the rice cooker is what most tests sell: enough of them for every test that does
        Shop.execute("update stock set on_hand = 10000 where sku = 'E00002'");
    }

    @AfterAll
    static void stopHq() {
        hq.close();
    }

    private Shop shop() {
        return new Shop(base);
    }

    // --- approvals and the audit log -------------------------------------------------------------

    @Test
    void aManagerApprovesWithCodeAndPinAtTheCashiersCounter() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        Answer granted = expect(201, cashier.post("approvals",
                "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"PRICE_OVERRIDE\",\"saleId\":\"" + saleId + "\"}"));
        assertEquals("PRICE_OVERRIDE", granted.json().getString("action"));
        assertEquals("M001", granted.json().getString("approvedBy"));
        assertProblem(401, "invalid-credentials", cashier.post("approvals",
                "{\"staffCode\":\"M001\",\"pin\":\"0000\",\"action\":\"PRICE_OVERRIDE\",\"saleId\":\"" + saleId + "\"}"));
        assertProblem(403, "approval-required", cashier.post("approvals",
                "{\"staffCode\":\"A001\",\"pin\":\"8642\",\"action\":\"PRICE_OVERRIDE\",\"saleId\":\"" + saleId + "\"}"));
        assertProblem(403, "approval-required", cashier.post("approvals",
                "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"VOID_INVOICE\"}"));
        assertProblem(400, "malformed-request", cashier.post("approvals",
                "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"MAKE_IT_FREE\"}"));
        assertProblem(401, "not-authenticated", shop.api().post("approvals",
                "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"NO_SALE\"}"));
    }

    @Test
    void aPriceOverrideNeedsAnApprovalUsableOnceAndIsAudited() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        assertProblem(403, "approval-required", addLine(cashier, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\""));
        assertEquals(0, count("select count(*) from sale_line where sale_id = ?", saleId), "a refused line is not recorded");

        String approval = shop.approval(cashier, "PRICE_OVERRIDE", saleId);
        JsonObject sale = expect(201, addLine(cashier, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\",\"approvalId\":\"" + approval + "\"")).json();
        JsonObject line = sale.getJsonArray("lines").getJsonObject(0);
        assertEquals("250.00", line.getString("unitPrice"));
        assertEquals("279.00", line.getString("listPrice"));
        assertTrue(line.getBoolean("priceOverridden"));
        assertEquals("250.00", sale.getString("total"));

        Answer reused = addLine(cashier, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"240.00\",\"approvalId\":\"" + approval + "\"");
        assertProblem(403, "approval-required", reused);
        assertTrue(reused.json().getString("detail").contains("already used"));

        JsonObject entry = auditOf(shop, saleId).stream().filter(e -> e.getString("event").equals("PRICE_OVERRIDE")).findFirst().orElseThrow();
        assertEquals("C001", entry.getString("requestedBy"));
        assertEquals("M001", entry.getString("approvedBy"));
        assertEquals("T1", entry.getString("terminalId"));
        assertTrue(auditOf(shop, saleId).stream().anyMatch(e -> e.getString("event").equals("APPROVAL_GRANTED")));
    }

    @Test
    void aLinesPriceIsOverriddenAfterItWasAddedWithAnApprovalAndBackToTheListPriceWithout() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        JsonObject added = expect(201, addLine(cashier, saleId, RICE_COOKER, "2", "")).json();
        String lineId = added.getJsonArray("lines").getJsonObject(0).getString("id");
        String path = "sales/" + saleId + "/lines/" + lineId;

        assertProblem(403, "approval-required", cashier.patch(path, "{\"unitPrice\":\"250.00\"}"));
        assertEquals("558.00", expect(200, cashier.get("sales/" + saleId)).json().getString("total"), "a refused override changes nothing");
        assertProblem(422, "one-approval-per-request", cashier.patch(path, "{\"unitPrice\":\"250.00\",\"discountPercent\":\"50\",\"approvalId\":\""
                + shop.approval(cashier, "PRICE_OVERRIDE", saleId) + "\"}"));
        assertProblem(400, "invalid-request", cashier.patch(path, "{\"unitPrice\":\"two hundred\"}"));

        JsonObject sale = expect(200, cashier.patch(path, "{\"unitPrice\":\"250.00\",\"approvalId\":\""
                + shop.approval(cashier, "PRICE_OVERRIDE", saleId) + "\"}")).json();
        JsonObject line = sale.getJsonArray("lines").getJsonObject(0);
        assertEquals(List.of("250.00", "250.00", "279.00", "500.00"), List.of(line.getString("basePrice"), line.getString("unitPrice"),
                line.getString("listPrice"), line.getString("amount")));
        assertTrue(line.getBoolean("priceOverridden"));
        assertEquals("500.00", sale.getString("total"));
        JsonObject entry = auditOf(shop, saleId).stream().filter(e -> e.getString("event").equals("PRICE_OVERRIDE")).findFirst().orElseThrow();
        assertEquals(List.of("C001", "M001"), List.of(entry.getString("requestedBy"), entry.getString("approvedBy")));

        // a discount within the cashier's limit on the overridden price, then back to the list price: no manager needed
        JsonObject discounted = expect(200, cashier.patch(path, "{\"discountPercent\":\"5\"}")).json();
        assertEquals("237.50", discounted.getJsonArray("lines").getJsonObject(0).getString("unitPrice"));
        JsonObject back = expect(200, cashier.patch(path, "{\"unitPrice\":\"279.00\"}")).json().getJsonArray("lines").getJsonObject(0);
        assertFalse(back.getBoolean("priceOverridden"));
        assertEquals("265.05", back.getString("unitPrice"));
        assertEquals(1, auditOf(shop, saleId).stream().filter(e -> e.getString("event").equals("PRICE_OVERRIDE")).count());
        assertProblem(422, "invalid-price", cashier.patch(path, "{\"unitPrice\":\"0.00\"}"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        assertProblem(409, "sale-state", cashier.patch(path, "{\"unitPrice\":\"200.00\"}"));
    }

    @Test
    void anApprovalIsBoundToItsSale() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String one = openSale(cashier);
        String other = openSale(cashier);
        String approval = shop.approval(cashier, "PRICE_OVERRIDE", one);
        Answer refused = addLine(cashier, other, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\",\"approvalId\":\"" + approval + "\"");
        assertProblem(403, "approval-required", refused);
        expect(201, addLine(cashier, one, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\",\"approvalId\":\"" + approval + "\""));
    }

    @Test
    void discountsAboveTheCashiersLimitNeedAManager() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        JsonObject withinLimit = expect(201, addLine(cashier, saleId, RICE_COOKER, "1", ",\"discountPercent\":\"5\"")).json();
        assertEquals("265.05", withinLimit.getString("total"));
        String lineId = withinLimit.getJsonArray("lines").getJsonObject(0).getString("id");
        JsonObject withOrderDiscount = expect(200, cashier.post("sales/" + saleId + "/discount", "{\"percent\":\"5\"}")).json();
        assertEquals("251.80", withOrderDiscount.getString("total"), "279.00 x 0.95 x 0.95 = 251.7975, rounded once; 9.75 % off in all");
        assertEquals("5", withOrderDiscount.getString("orderDiscountPercent"));
        assertEquals("27.20", withOrderDiscount.getString("discountTotal"));

        assertProblem(403, "approval-required", cashier.post("sales/" + saleId + "/discount", "{\"percent\":\"15\"}"));
        assertProblem(403, "approval-required", cashier.patch("sales/" + saleId + "/lines/" + lineId, "{\"discountPercent\":\"12\"}"));
        assertProblem(403, "approval-required", cashier.patch("sales/" + saleId + "/lines/" + lineId, "{\"discountPercent\":\"6\"}"),
                "6 % on the line and 5 % on the order make 10.7 % off: two discounts within the limit do not add up past it");
        String approval = shop.approval(cashier, "DISCOUNT", saleId);
        JsonObject approved = expect(200, cashier.post("sales/" + saleId + "/discount", "{\"percent\":\"15\",\"approvalId\":\"" + approval + "\"}")).json();
        assertEquals("225.29", approved.getString("total"), "279.00 x 0.95 x 0.85 = 225.2925");

        JsonObject back = expect(200, cashier.patch("sales/" + saleId + "/lines/" + lineId, "{\"discountPercent\":\"0\"}")).json();
        assertEquals("237.15", back.getString("total"), "taking a discount back never needs a manager");
        JsonObject added = expect(201, addLine(cashier, saleId, RICE_COOKER, "1")).json();
        assertEquals("474.30", added.getString("total"), "a new line takes the approved order discount");
        assertProblem(403, "approval-required", addLine(cashier, saleId, RICE_COOKER, "1", ",\"discountPercent\":\"1\""),
                "a line discount on top of an approved order discount above the limit needs a manager again");
        assertProblem(400, "invalid-request", cashier.patch("sales/" + saleId + "/lines/" + lineId, "{\"discountPercent\":\"abc\"}"));
    }

    @Test
    void linesChangeWhileOpenAndVoidingAfterConfirmationNeedsAManager() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        JsonObject sale = expect(201, addLine(cashier, saleId, RICE_COOKER, "1")).json();
        String first = sale.getJsonArray("lines").getJsonObject(0).getString("id");
        sale = expect(201, addLine(cashier, saleId, BIG_RICE_COOKER, "1")).json();
        String second = sale.getJsonArray("lines").getJsonObject(1).getString("id");
        assertEquals("918.00", sale.getString("total"));

        assertEquals("1197.00", expect(200, cashier.patch("sales/" + saleId + "/lines/" + first, "{\"quantity\":\"2\"}")).json().getString("total"));
        assertProblem(422, "insufficient-stock", cashier.patch("sales/" + saleId + "/lines/" + first, "{\"quantity\":\"100000\"}"));
        assertEquals("558.00", expect(200, cashier.post("sales/" + saleId + "/lines/" + second + "/void", "{}")).json().getString("total"));

        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        assertProblem(403, "approval-required", cashier.post("sales/" + saleId + "/lines/" + first + "/void", "{}"));
        String approval = shop.approval(cashier, "VOID_LINE", saleId);
        JsonObject reopened = expect(200, cashier.post("sales/" + saleId + "/lines/" + first + "/void", "{\"approvalId\":\"" + approval + "\"}")).json();
        assertEquals("OPEN", reopened.getString("status"), "a changed order needs a new read-back");
        assertEquals("0.00", reopened.getString("total"));
        assertEquals(2, auditOf(shop, saleId).stream().filter(e -> e.getString("event").equals("LINE_VOIDED")).count());
        assertProblem(422, "empty-sale", cashier.post("sales/" + saleId + "/confirm"));
        assertProblem(404, "sale-not-found", cashier.patch("sales/" + saleId + "/lines/" + UUID.randomUUID(), "{\"quantity\":\"1\"}"));
        assertEquals("CANCELLED", expect(200, cashier.post("sales/" + saleId + "/cancel", "{}")).json().getString("status"));
        assertProblem(409, "sale-state", addLine(cashier, saleId, RICE_COOKER, "1"));
    }

    @Test
    void theAuditLogIsForManagersAndCannotBeChanged() throws SQLException {
        Shop shop = shop();
        assertProblem(403, "forbidden", shop.cashier().get("audit"));
        assertEquals(200, shop.manager().get("audit").status());
        assertThrows(SQLException.class, () -> Shop.execute("update audit_entry set detail = 'rewritten'"));
        assertThrows(SQLException.class, () -> Shop.execute("delete from audit_entry"));
    }

    // --- sessions: throttling, unlock, disable ------------------------------------------------------

    @Test
    void wrongPinsSlowDownThenLockTheCodeAtThatTerminalUntilAManagerUnlocks() {
        Shop shop = shop();
        String wrong = "{\"terminalId\":\"T2\",\"staffCode\":\"A001\",\"pin\":\"0000\"}";
        String right = "{\"terminalId\":\"T2\",\"staffCode\":\"A001\",\"pin\":\"8642\"}";
        for (int i = 0; i < 3; i++) {
            assertProblem(401, "invalid-credentials", shop.api().post("sessions", wrong));
        }
        Answer slowed = shop.api().post("sessions", right);
        assertProblem(429, "login-throttled", slowed);
        assertTrue(slowed.json().getInt("retryAfterSeconds") >= 1);

        Answer locked = Eventually.until(Duration.ofSeconds(60), "locked", () -> shop.api().post("sessions", wrong), a -> a.status() == 423);
        assertProblem(423, "login-locked", locked);
        assertProblem(423, "login-locked", shop.api().post("sessions", right));
        shop.login("A001", "8642", "T1");

        expect(204, shop.manager().post("staff/A001/unlock", "{\"terminalId\":\"T2\"}"));
        shop.login("A001", "8642", "T2");
        assertProblem(403, "forbidden", shop.cashier().post("staff/A001/unlock", "{}"));
    }

    @Test
    void quietFailuresAndExpiredLocksAreForgottenAtTheNextAttempt() throws SQLException {
        Shop shop = shop();
        Shop.execute("insert into login_throttle (staff_code, terminal_id, failures, last_failure_at, locked_until) values "
                + "('Q901', 'T2', 3, utc_timestamp(6) - interval 16 minute, null), "
                + "('Q902', 'T2', 6, utc_timestamp(6) - interval 2 day, utc_timestamp(6) - interval 1 second), "
                + "('Q903', 'T2', 6, utc_timestamp(6) - interval 1 minute, utc_timestamp(6) + interval 14 minute), "
                + "('Q904', 'T2', 2, utc_timestamp(6) - interval 14 minute, null)");
        assertProblem(401, "invalid-credentials", shop.api().post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"Q900\",\"pin\":\"0000\"}"));
        // quiet for longer than the lock (15 minutes here) or past the lock: gone; still locked, or failed lately: kept
        assertEquals(0, count("select count(*) from login_throttle where staff_code in ('Q901', 'Q902')"));
        assertEquals(2, count("select count(*) from login_throttle where staff_code in ('Q903', 'Q904')"));
        assertProblem(423, "login-locked", shop.api().post("sessions", "{\"terminalId\":\"T2\",\"staffCode\":\"Q903\",\"pin\":\"0000\"}"));
        assertEquals(1, count("select count(*) from login_throttle where staff_code = 'Q900' and terminal_id = 'T1' and failures = 1"));
    }

    @Test
    void unknownCodesAreThrottledTheSameWay() {
        Shop shop = shop();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(shop.api().post("sessions", "{\"terminalId\":\"T2\",\"staffCode\":\"Z999\",\"pin\":\"0000\"}").status());
        }
        assertEquals(List.of(401, 401, 401, 429), statuses);
    }

    @Test
    void aDisabledStaffMembersSessionsEndAtOnce() throws SQLException {
        Shop shop = shop();
        Shop.execute("insert into staff (code, name, roles, pin_hash, active, created_at) select 'C099', '临时工', 'CASHIER', pin_hash, true, now() from staff where code = 'C001'");
        JsonHttp temp = shop.login("C099", "2468", "T1");
        assertEquals(200, temp.get("sessions/current").status());
        expect(204, shop.manager().post("staff/C099/disable"));
        assertProblem(401, "not-authenticated", temp.get("sessions/current"));
        assertProblem(401, "invalid-credentials", shop.api().post("sessions", "{\"terminalId\":\"T1\",\"staffCode\":\"C099\",\"pin\":\"2468\"}"));
    }

    // --- tenders ------------------------------------------------------------------------------------------

    @Test
    void aCardPaymentKeepsOnlyWhatIdentifiesTheAuthorisation() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"POS-778812\"}"));
        JsonObject payment = paid.json().getJsonObject("payment");
        assertEquals("1111", payment.getString("last4"));
        assertEquals("0.00", payment.getString("change"));
        assertEquals("银行卡收款279.00元", paid.json().getString("announcement"));
        assertEquals("PAID", paid.json().getJsonObject("sale").getString("status"));
    }

    @Test
    void anythingLookingLikeACardNumberIsRefusedAndNotKept() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        for (String body : List.of(
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"4111111111111111\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R1\",\"cardNumber\":\"4111 1111 1111 1111\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"pan\":5500005555555559}")) {
            Answer refused = cashier.post("sales/" + saleId + "/payments", body);
            assertProblem(422, "card-number-refused", refused);
            assertFalse(refused.body().contains("41111111") || refused.body().contains("4111 1111") || refused.body().contains("55000055"), "the number is not echoed");
        }
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
        // the whole numbers: a UUID in some entry may hold "4111" by chance
        assertEquals(0, count("select count(*) from audit_entry where detail like '%411111111111%' or detail like '%4111 1111%' or detail like '%550000555555%'"));
    }

    @Test
    void tendersSplitAndOnlyCashMayExceedWhatIsDue() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, BIG_RICE_COOKER, "1");
        assertProblem(422, "invalid-amount", cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CARD\",\"amount\":\"700.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R1\"}"));
        Answer part = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"639.00\",\"amount\":\"139.00\",\"counted\":[{\"denomination\":\"100\",\"count\":2}]}"));
        assertEquals("61.00", part.json().getJsonObject("payment").getString("change"));
        assertEquals("500.00", part.json().getJsonObject("sale").getString("due"));
        assertEquals("CONFIRMED", part.json().getJsonObject("sale").getString("status"));
        Answer rest = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CARD\",\"amount\":\"500.00\",\"authCode\":\"Z9Y8X7\",\"last4\":\"4242\",\"terminalReference\":\"R2\"}"));
        assertEquals("PAID", rest.json().getJsonObject("sale").getString("status"));
        assertEquals(2, rest.json().getJsonObject("sale").getJsonArray("payments").size());
    }

    @Test
    void aCheckHoldsTheGoodsUntilAManagerRecordsItCleared() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String checkId = UUID.randomUUID().toString();
        Answer taken = expect(201, cashier.post("sales/" + saleId + "/payments", check(checkId, "279.00", "10203040", "中国工商银行")));
        JsonObject held = taken.json().getJsonObject("sale");
        assertEquals("AWAITING_CLEARANCE", held.getString("status"));
        assertFalse(held.containsKey("slipNumber"), "no slip while the check has not cleared");
        assertProblem(409, "sale-state", cashier.post("sales/" + saleId + "/complete"));
        assertProblem(403, "forbidden", cashier.post("sales/" + saleId + "/payments/" + checkId + "/clearance", "{\"outcome\":\"CLEARED\"}"));

        JsonObject cleared = expect(200, shop.manager().post("sales/" + saleId + "/payments/" + checkId + "/clearance", "{\"outcome\":\"CLEARED\"}")).json();
        assertEquals("PAID", cleared.getString("status"));
        assertTrue(cleared.containsKey("slipNumber"));
        assertEquals("CLEARED", cleared.getJsonArray("payments").getJsonObject(0).getString("clearance"));
    }

    @Test
    void aBouncedCheckIsDueAgain() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String checkId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales/" + saleId + "/payments", check(checkId, "279.00", "10203041", "中国银行")));
        JsonObject bounced = expect(200, shop.manager().post("sales/" + saleId + "/payments/" + checkId + "/clearance", "{\"outcome\":\"BOUNCED\"}")).json();
        assertEquals("CONFIRMED", bounced.getString("status"));
        assertEquals("279.00", bounced.getString("due"));
        assertEquals("PAID", expect(201, cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")))
                .json().getJsonObject("sale").getString("status"));
    }

    @Test
    void twoTerminalsPayingOneSaleGetOneWinner() throws Exception {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonHttp manager = shop.manager();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String card = "{\"id\":\"%s\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R%s\"}";
        ExecutorService terminals = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Answer>> both = List.of(
                    () -> cashier.post("sales/" + saleId + "/payments", card.formatted(UUID.randomUUID(), 1)),
                    () -> manager.post("sales/" + saleId + "/payments", card.formatted(UUID.randomUUID(), 2)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : terminals.invokeAll(both)) {
                statuses.add(answer.get().status());
            }
            Collections.sort(statuses);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            terminals.shutdown();
        }
        assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));
    }

    // --- the paid slip, pick-up, farewell ---------------------------------------------------------------

    @Test
    void thePaidSlipCarriesTheStampAndABarcodeOfItsCode() throws Exception {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidSale(cashier);
        String code = sale.getString("slipCode");
        assertTrue(code.matches("S001-\\d{8}"), code);

        Answer page = expect(200, cashier.getPage("sales/" + sale.getString("id") + "/slip"));
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("收款专用章"));
        assertTrue(page.body().contains(code));
        assertTrue(page.body().contains("data:image/png;base64,"));

        assertEquals(code, Shop.decodeCode128(png(cashier, "sales/" + sale.getString("id") + "/slip.png")));
        JsonObject found = expect(200, cashier.get("sales?slip=" + code)).array().getJsonObject(0);
        assertEquals(sale.getString("id"), found.getString("id"));
        assertProblem(404, "sale-not-found", cashier.get("sales?slip=S001-99999999"));
        Answer unpaid = cashier.getPage("sales/" + confirmedSale(cashier, RICE_COOKER, "1") + "/slip");
        assertProblem(409, "sale-state", unpaid);
        assertEquals("CONFIRMED", unpaid.json().getString("state"));
    }

    @Test
    void goodsArePackedOnlyWhenEveryLineIsCheckedOff() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "2");
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/payments", cash("558.00", "[{\"denomination\":\"100\",\"count\":6}]")))
                .json().getJsonObject("sale");
        String lineId = sale.getJsonArray("lines").getJsonObject(0).getString("id");
        JsonObject scanned = expect(200, cashier.get("sales?slip=" + sale.getString("slipCode"))).array().getJsonObject(0);
        assertEquals(saleId, scanned.getString("id"));

        Answer short1 = cashier.post("sales/" + saleId + "/packing", "{\"lines\":[{\"lineId\":\"" + lineId + "\",\"quantity\":\"1\"}]}");
        assertProblem(422, "packing-incomplete", short1);
        JsonObject missing = short1.json().getJsonArray("missingLines").getJsonObject(0);
        assertEquals(lineId, missing.getString("lineId"));
        assertEquals("2", missing.getString("expected"));
        assertEquals("1", missing.getString("counted"));

        JsonObject packed = expect(200, cashier.post("sales/" + saleId + "/packing",
                "{\"lines\":[{\"lineId\":\"" + lineId + "\",\"quantity\":\"1\"},{\"lineId\":\"" + lineId + "\",\"quantity\":\"1\"}]}")).json();
        assertEquals("PACKED", packed.getString("status"));
        assertEquals("COMPLETED", expect(200, cashier.post("sales/" + saleId + "/complete")).json().getString("status"));
        Eventually.until(Duration.ofSeconds(30), "delivered to HQ", () -> hq.deliveriesOf(saleId) == 1);

        // who packed and who completed is on record, once each: the refused check-off is not
        String who = expect(200, cashier.get("sessions/current")).json().getJsonObject("staff").getString("code");
        List<JsonObject> audit = auditOf(shop, saleId);
        for (String event : List.of("SALE_PACKED", "SALE_COMPLETED")) {
            List<JsonObject> entries = audit.stream().filter(e -> e.getString("event").equals(event)).toList();
            assertEquals(1, entries.size(), () -> event + " in " + audit);
            assertEquals(who, entries.get(0).getString("requestedBy"), entries.get(0)::toString);
            assertEquals("T1", entries.get(0).getString("terminalId"), entries.get(0)::toString);
        }
    }

    // --- invoices ---------------------------------------------------------------------------------------------

    private static String buyer(String requestId) {
        return "{\"id\":\"" + requestId + "\",\"buyerName\":\"北京某某科技有限公司\",\"buyerAddress\":\"北京市西城区西单北大街120号\","
                + "\"buyerPhone\":\"010-66012345\",\"buyerTaxId\":\"91110102MA01ABCD1X\",\"signature\":\"李明\"}";
    }

    @Test
    void anInvoiceShowsEveryFieldAndItsTotalInUppercase() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidSale(cashier);
        String requestId = UUID.randomUUID().toString();
        Answer issued = expect(201, cashier.post("sales/" + sale.getString("id") + "/invoice", buyer(requestId)));
        JsonObject invoice = issued.json();
        assertTrue(invoice.getString("number").matches("S001-\\d{8}"));
        assertEquals("ISSUED", invoice.getString("status"));
        assertEquals("", invoice.getString("remark"));
        assertEquals("279.00", invoice.getString("total"));
        assertEquals("32.10", invoice.getString("tax"));
        assertEquals("246.90", invoice.getString("net"));
        assertEquals("贰佰柒拾玖元整", invoice.getString("totalInWords"));
        assertEquals("王芳", invoice.getString("issuer"));
        assertEquals("王芳", invoice.getString("payee"));
        JsonObject line = invoice.getJsonArray("lines").getJsonObject(0);
        assertEquals("美的", line.getString("brand"));
        assertEquals("3L 小容量", line.getString("spec"));
        assertEquals("279.00", line.getString("unitPrice"));
        assertEquals("279.00", line.getString("amount"));
        assertEquals(invoice, expect(201, cashier.post("sales/" + sale.getString("id") + "/invoice", buyer(requestId))).json(), "repeating returns it");

        Answer page = expect(200, cashier.getPage("invoices/" + invoice.getString("number") + "/print"));
        for (String field : List.of("北京某某科技有限公司", "010-66012345", "贰佰柒拾玖元整", "¥279.00", "收款人", "开票人", "购买方签字", "李明",
                "data:image/png;base64,", "美的", "白色")) {
            assertTrue(page.body().contains(field), field);
        }
    }

    @Test
    void aWrongInvoiceIsVoidedWithApprovalKeptAndANewOneGetsTheNextNumber() throws Exception {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject sale = paidSale(cashier);
        String saleId = sale.getString("id");
        String first = expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json().getString("number");
        Answer second = cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()));
        assertProblem(409, "invoice-exists", second);
        assertEquals(first, second.json().getString("number"));

        assertProblem(400, "invalid-request", cashier.post("invoices/" + first + "/void", "{\"reason\":\"抬头错误\"}"));
        String wrongSale = shop.approval(cashier, "VOID_INVOICE", openSale(cashier));
        assertProblem(403, "approval-required", cashier.post("invoices/" + first + "/void", "{\"reason\":\"抬头错误\",\"approvalId\":\"" + wrongSale + "\"}"));
        String approval = shop.approval(cashier, "VOID_INVOICE", saleId);
        JsonObject voided = expect(200, cashier.post("invoices/" + first + "/void", "{\"reason\":\"抬头错误\",\"approvalId\":\"" + approval + "\"}")).json();
        assertEquals("VOID", voided.getString("status"));
        assertEquals("抬头错误", voided.getString("voidReason"));
        assertTrue(expect(200, cashier.getPage("invoices/" + first + "/print")).body().contains("作废"));
        assertProblem(409, "invoice-void", cashier.post("invoices/" + first + "/void",
                "{\"reason\":\"again\",\"approvalId\":\"" + shop.approval(cashier, "VOID_INVOICE", saleId) + "\"}"));

        String reissued = expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json().getString("number");
        assertEquals(invoiceSeq(first) + 1, invoiceSeq(reissued), "the next number, though a refused issue came in between: " + first + " then " + reissued);
        assertEquals(2, expect(200, cashier.get("sales/" + saleId + "/invoices")).array().size());
        assertEquals(1, count("select count(*) from invoice_void where invoice_number = ?", first));
        assertThrows(SQLException.class, () -> Shop.execute("update invoice set buyer_name = 'x' where number = ?", first));
        assertThrows(SQLException.class, () -> Shop.execute("delete from invoice_void where invoice_number = ?", first));
        assertTrue(auditOf(shop, saleId).stream().anyMatch(e -> e.getString("event").equals("INVOICE_VOIDED")
                && e.getString("approvedBy").equals("M001")));
    }

    @Test
    void invoicesNeedABuyerAndAPaidSale() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidSale(cashier);
        String path = "sales/" + sale.getString("id") + "/invoice";
        assertProblem(400, "invalid-request", cashier.post(path, "{\"id\":\"" + UUID.randomUUID() + "\",\"buyerAddress\":\"x\",\"buyerPhone\":\"13800138000\"}"));
        assertProblem(400, "invalid-request", cashier.post(path, "{\"id\":\"" + UUID.randomUUID()
                + "\",\"buyerName\":\"李明\",\"buyerAddress\":\"x\",\"buyerPhone\":\"12345\"}"));
        assertProblem(409, "sale-state", cashier.post("sales/" + confirmedSale(cashier, RICE_COOKER, "1") + "/invoice",
                buyer(UUID.randomUUID().toString())));
        assertProblem(404, "sale-not-found", cashier.post("sales/" + UUID.randomUUID() + "/invoice", buyer(UUID.randomUUID().toString())));
    }

    @Test
    void anInvoiceIssuedAfterTheSalesDaySaysLate() {
        JsonHttp cashier = shop().cashier();
        String saleId = UUID.randomUUID().toString();
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        expect(201, cashier.post("sales/documents", document(saleId, yesterday, RICE_COOKER, "1",
                cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"))));
        JsonObject invoice = expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json();
        assertEquals("补开", invoice.getString("remark"));
    }

    @Test
    void eightClientsIssuing400InvoicesGet400ConsecutiveNumbers() throws Exception {
        JsonHttp cashier = shop().cashier();
        Shop.execute("update stock set on_hand = on_hand + 1000 where sku = 'E00003'");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> sales = IntStream.range(0, 400).<Callable<String>>mapToObj(i -> () -> {
                String saleId = UUID.randomUUID().toString();
                expect(201, cashier.post("sales/documents", document(saleId, Instant.now(), "6910384000036", "1",
                        cash("289.00", "[{\"denomination\":\"100\",\"count\":3}]"))));
                return saleId;
            }).toList();
            List<String> saleIds = new ArrayList<>();
            for (Future<String> sale : clients.invokeAll(sales)) {
                saleIds.add(sale.get());
            }
            List<Callable<String>> invoices = saleIds.stream().<Callable<String>>map(saleId -> () ->
                    expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json().getString("number")).toList();
            List<Long> numbers = new ArrayList<>();
            for (Future<String> number : clients.invokeAll(invoices)) {
                numbers.add(Long.parseLong(number.get().substring("S001-".length())));
            }
            Collections.sort(numbers);
            assertEquals(400, Set.copyOf(numbers).size(), "no number twice");
            assertEquals(399, numbers.get(399) - numbers.get(0), "no gap: " + numbers.get(0) + ".." + numbers.get(399));
        } finally {
            clients.shutdown();
        }
    }

    // --- deliveries ----------------------------------------------------------------------------------------

    private static String window(int fromHours, int toHours) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        return "{\"from\":\"" + now.plusHours(fromHours) + "\",\"to\":\"" + now.plusHours(toHours) + "\"}";
    }

    @Test
    void aDeliveryIsBookedMovedAlongAndAudited() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject sale = paidSale(cashier);
        String saleId = sale.getString("id");
        String path = "sales/" + saleId + "/delivery";
        String deliveryId = UUID.randomUUID().toString();
        String request = "{\"id\":\"" + deliveryId + "\",\"contact\":\"李明\",\"phone\":\"13800138000\",\"address\":\"北京市西城区西单北大街120号\",\"window\":" + window(20, 23) + "}";

        assertProblem(400, "invalid-request", cashier.post(path, request.replace("13800138000", "1234567")));
        assertProblem(422, "invalid-window", cashier.post(path, request.replace(window(20, 23), window(-5, -2))));
        assertProblem(409, "sale-state", cashier.post("sales/" + confirmedSale(cashier, RICE_COOKER, "1") + "/delivery", request));

        JsonObject booked = expect(201, cashier.post(path, request)).json();
        assertEquals("REQUESTED", booked.getString("status"));
        assertEquals(booked, expect(201, cashier.post(path, request)).json(), "repeating returns it");
        assertProblem(409, "delivery-state", cashier.post("deliveries/" + deliveryId + "/status", "{\"status\":\"DELIVERED\"}"));
        expect(200, cashier.post("deliveries/" + deliveryId + "/status", "{\"status\":\"SCHEDULED\"}"));
        expect(200, cashier.post("deliveries/" + deliveryId + "/status", "{\"status\":\"OUT_FOR_DELIVERY\",\"note\":\"京A12345\"}"));
        JsonObject delivered = expect(200, cashier.post("deliveries/" + deliveryId + "/status", "{\"status\":\"DELIVERED\"}")).json();
        assertEquals(List.of("REQUESTED", "SCHEDULED", "OUT_FOR_DELIVERY", "DELIVERED"), delivered.getJsonArray("history")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("status")).toList());

        Answer note = expect(200, cashier.getPage("deliveries/" + deliveryId + "/note"));
        assertTrue(note.body().contains("李明") && note.body().contains("13800138000") && note.body().contains(sale.getString("slipCode")));
        assertEquals(4, auditOf(shop, saleId).stream().filter(e -> e.getString("event").equals("DELIVERY_STATUS")).count(), "booked and moved three times");
    }

    // --- whole-sale documents -------------------------------------------------------------------------------

    private static String document(String saleId, Instant createdAt, String barcode, String quantity, String... payments) {
        return "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\",\"createdAt\":\"" + createdAt + "\",\"lines\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"barcode\":\"" + barcode + "\",\"quantity\":\"" + quantity + "\"}],\"payments\":[" + String.join(",", payments) + "]}";
    }

    @Test
    void aWholeSaleIsRecordedOnceWithTheCountersRules() {
        JsonHttp cashier = shop().cashier();
        String saleId = UUID.randomUUID().toString();
        String body = document(saleId, Instant.now().minusSeconds(60), RICE_COOKER, "2", cash("558.00", "[{\"denomination\":\"100\",\"count\":6}]"));
        JsonObject first = expect(201, cashier.post("sales/documents", body)).json();
        assertEquals("COMPLETED", first.getString("status"));
        assertTrue(first.containsKey("slipNumber"));
        JsonObject again = expect(200, cashier.post("sales/documents", body)).json();
        assertEquals(first, again);
        assertEquals(1, count("select count(*) from sale where id = ?", saleId));
        assertEquals(1, count("select count(*) from outbox_event where payload like ?", "%" + saleId + "%"));
        Eventually.until(Duration.ofSeconds(30), "delivered to HQ", () -> hq.deliveriesOf(saleId) == 1);
        assertThrows(SQLException.class, () -> Shop.execute("update sale set total = 1 where id = ?", saleId), "a posted sale is never changed");
    }

    @Test
    void aDocumentThatBreaksARuleRecordsNothing() {
        JsonHttp cashier = shop().cashier();
        Map<String, String> refusals = Map.of(
                "amount-due-mismatch", document(UUID.randomUUID().toString(), Instant.now(), RICE_COOKER, "1", cash("270.00", "[{\"denomination\":\"100\",\"count\":3}]")),
                "document-unpaid", document(UUID.randomUUID().toString(), Instant.now(), RICE_COOKER, "1", "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"tender\":\"CARD\",\"amount\":\"200.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R1\"}"),
                "insufficient-stock", document(UUID.randomUUID().toString(), Instant.now(), RICE_COOKER, "100000", cash("27900000.00", "[]")),
                "card-number-refused", document(UUID.randomUUID().toString(), Instant.now(), RICE_COOKER, "1", "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"4111111111111111\"}"),
                "document-in-future", document(UUID.randomUUID().toString(), Instant.now().plus(1, ChronoUnit.HOURS), RICE_COOKER, "1",
                        cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")));
        long sales = count("select count(*) from sale");
        long outbox = count("select count(*) from outbox_event");
        for (var refusal : refusals.entrySet()) {
            Answer answer = cashier.post("sales/documents", refusal.getValue());
            assertEquals("urn:guitai:problem:" + refusal.getKey(), answer.json().getString("type"), answer::toString);
            assertEquals(422, answer.status());
        }
        assertProblem(403, "approval-required", cashier.post("sales/documents", document(UUID.randomUUID().toString(), Instant.now(), RICE_COOKER, "1",
                cash("250.00", "[{\"denomination\":\"100\",\"count\":3}]")).replace("\"quantity\":\"1\"", "\"quantity\":\"1\",\"unitPrice\":\"250.00\"")));
        assertEquals(sales, count("select count(*) from sale"));
        assertEquals(outbox, count("select count(*) from outbox_event"));
    }

    @Test
    void aDocumentPaidByCheckWaitsForClearance() {
        JsonHttp cashier = shop().cashier();
        String saleId = UUID.randomUUID().toString();
        JsonObject held = expect(201, cashier.post("sales/documents", document(saleId, Instant.now(), RICE_COOKER, "1", check(UUID.randomUUID().toString(), "279.00", "556677", "建设银行")))).json();
        assertEquals("AWAITING_CLEARANCE", held.getString("status"));
        assertEquals(0, count("select count(*) from outbox_event where payload like ?", "%" + saleId + "%"));
    }

    /**
     * The counter writes a sale through JPA; a document writes it in one batch of plain inserts.
     * Built alike, the two leave the same rows in every table of a sale (a column one path fills
     * and the other forgets shows here), and the document's rows read back and change as usual.
     */
    @Test
    void aDocumentLeavesTheRowsTheCounterLeaves() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        Shop.execute("update stock set on_hand = on_hand + 2 where sku = 'E00001'");
        String counterSale = UUID.randomUUID().toString();
        expect(201, cashier.post("sales", "{\"id\":\"" + counterSale + "\",\"terminalId\":\"T1\",\"customerId\":\"M-1688\"}"));
        expect(201, addLine(cashier, counterSale, RICE_COOKER, "2", ",\"discountPercent\":\"5\""));
        expect(201, addLine(cashier, counterSale, BIG_RICE_COOKER, "1",
                ",\"unitPrice\":\"600.00\",\"approvalId\":\"" + shop.approval(cashier, "PRICE_OVERRIDE", counterSale) + "\""));
        expect(200, cashier.post("sales/" + counterSale + "/discount", "{\"percent\":\"4\"}"));
        String total = expect(200, cashier.post("sales/" + counterSale + "/confirm")).json().getString("total");
        String card = "\"tender\":\"CARD\",\"amount\":\"500.00\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R-9\"}";
        String cashDue = new java.math.BigDecimal(total).subtract(new java.math.BigDecimal("500.00")).toPlainString();
        String cash = "\"tender\":\"CASH\",\"amountDue\":\"" + cashDue + "\",\"counted\":[{\"denomination\":\"100\",\"count\":10},"
                + "{\"denomination\":\"0.5\",\"count\":1}],\"rejected\":[{\"denomination\":\"100\",\"serial\":\"FA12345678\",\"reason\":\"COUNTERFEIT\"},"
                + "{\"denomination\":\"50\",\"serial\":\"HB0001\",\"reason\":\"TORN\"}]}";
        expect(201, cashier.post("sales/" + counterSale + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\"," + card));
        expect(201, cashier.post("sales/" + counterSale + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\"," + cash));
        expect(200, cashier.post("sales/" + counterSale + "/complete"));

        String documentSale = UUID.randomUUID().toString();
        String override = shop.approval(cashier, "PRICE_OVERRIDE", documentSale);
        LocalDateTime before = LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1);
        JsonObject recorded = expect(201, cashier.post("sales/documents", "{\"id\":\"" + documentSale + "\",\"terminalId\":\"T1\",\"createdAt\":\""
                + Instant.now() + "\",\"customerId\":\"M-1688\",\"lines\":[{\"id\":\"" + UUID.randomUUID() + "\",\"sku\":\"E00002"
                + "\",\"quantity\":\"2\",\"discountPercent\":\"5\"},{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + BIG_RICE_COOKER
                + "\",\"quantity\":\"1\",\"unitPrice\":\"600.00\",\"approvalId\":\"" + override + "\"}],\"orderDiscountPercent\":\"4\","
                + "\"payments\":[{\"id\":\"" + UUID.randomUUID() + "\"," + card + ",{\"id\":\"" + UUID.randomUUID() + "\"," + cash + "]}")).json();
        assertEquals(total, recorded.getString("total"));
        LocalDateTime after = LocalDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1);
        // times are UTC wall clocks, as JPA's InstantConverter writes them, whatever the server's zone (the IT's is not UTC)
        Map<String, Object> row = Shop.rows("select * from sale where id = ?", documentSale).get(0);
        for (String column : List.of("opened_at", "confirmed_at", "paid_at", "goods_taken_at", "completed_at")) {
            LocalDateTime at = wallClock(row.get(column));
            assertTrue(!at.isBefore(before) && !at.isAfter(after), column + " " + at + " lies between " + before + " and " + after + " (UTC)");
        }
        // both events delivered, so that their rows are compared in the same state
        Eventually.until(Duration.ofSeconds(30), "both sales' events delivered to HQ",
                () -> hq.deliveriesOf(counterSale) == 1 && hq.deliveriesOf(documentSale) == 1
                        && count("select count(*) from outbox_event where delivered_at is null and (payload like ? or payload like ?)",
                        "%" + counterSale + "%", "%" + documentSale + "%") == 0);
        assertSameRows(counterSale, documentSale);
        assertEquals(1L, Shop.rows("select version from sale where id = ?", documentSale).get(0).get("version"), "JPA's first version");

        // a check: the goods held, no slip, no event, on both paths
        String heldAtCounter = confirmedSale(cashier, RICE_COOKER, "1");
        expect(201, cashier.post("sales/" + heldAtCounter + "/payments", check(UUID.randomUUID().toString(), "279.00", "556677", "建设银行")));
        String heldByDocument = UUID.randomUUID().toString();
        expect(201, cashier.post("sales/documents", document(heldByDocument, Instant.now(), RICE_COOKER, "1",
                check(UUID.randomUUID().toString(), "279.00", "556677", "建设银行"))));
        assertSameRows(heldAtCounter, heldByDocument);

        // the document's rows are JPA's to change like any other: the check clears, the goods are packed
        JsonHttp manager = shop.manager();
        String checkId = Shop.rows("select id from payment where sale_id = ?", heldByDocument).get(0).get("id").toString();
        JsonObject cleared = expect(200, manager.post("sales/" + heldByDocument + "/payments/" + checkId + "/clearance",
                "{\"outcome\":\"CLEARED\"}")).json();
        assertEquals("PAID", cleared.getString("status"));
        String lineId = cleared.getJsonArray("lines").getJsonObject(0).getString("id");
        assertEquals("PACKED", expect(200, cashier.post("sales/" + heldByDocument + "/packing",
                "{\"lines\":[{\"lineId\":\"" + lineId + "\",\"quantity\":\"1\"}]}")).json().getString("status"));
    }

    /** Every row of the two sales, their lines, tenders (with counted and refused notes) and events, alike but for ids and clocks. */
    private static void assertSameRows(String counterSale, String documentSale) {
        assertAlike("sale", "select * from sale where id = ?", counterSale, documentSale);
        assertAlike("sale_line", "select * from sale_line where sale_id = ? order by line_no", counterSale, documentSale);
        assertAlike("payment", "select * from payment where sale_id = ? order by seq", counterSale, documentSale);
        assertAlike("payment_cash_count", "select c.* from payment_cash_count c join payment p on p.id = c.payment_id where p.sale_id = ?"
                + " order by p.seq, c.denomination", counterSale, documentSale);
        assertAlike("rejected_note", "select n.* from rejected_note n join payment p on p.id = n.payment_id where p.sale_id = ?"
                + " order by p.seq, n.position", counterSale, documentSale);
        assertAlike("check_clearance", "select c.* from check_clearance c join payment p on p.id = c.payment_id where p.sale_id = ?",
                counterSale, documentSale);
        List<Map<String, Object>> counterEvents = Shop.rows("select * from outbox_event where payload like ?", "%" + counterSale + "%");
        List<Map<String, Object>> documentEvents = Shop.rows("select * from outbox_event where payload like ?", "%" + documentSale + "%");
        assertAlike("outbox_event", counterEvents, documentEvents);
        for (int i = 0; i < counterEvents.size(); i++) {
            assertEquals(eventWithoutIds(counterEvents.get(i)), eventWithoutIds(documentEvents.get(i)), "the event for HQ");
        }
    }

    private static void assertAlike(String table, String sql, String counterSale, String documentSale) {
        assertAlike(table, Shop.rows(sql, counterSale), Shop.rows(sql, documentSale));
    }

    /** Ids, times, payloads and versions differ by nature; a time or slip is there on both or on neither; the rest is equal. */
    private static void assertAlike(String table, List<Map<String, Object>> counter, List<Map<String, Object>> document) {
        assertEquals(counter.size(), document.size(), table + " rows");
        // an event's seq is the table's counter; a payment's is its place on the sale, compared
        Set<String> ids = table.equals("outbox_event") ? Set.of("id", "seq", "payload") : Set.of("id", "sale_id", "payment_id", "version");
        for (int i = 0; i < counter.size(); i++) {
            for (String column : counter.get(i).keySet()) {
                Object mine = counter.get(i).get(column);
                Object theirs = document.get(i).get(column);
                String where = table + " row " + (i + 1) + " column " + column;
                if (column.equals("origin")) {
                    assertEquals(List.of("COUNTER", "DOCUMENT"), List.of(mine, theirs), where);
                } else if (column.endsWith("_at") && mine != null && theirs != null) {
                    // the counter's sale was made seconds before the document: a zone slip would be hours
                    Duration apart = Duration.between(wallClock(mine), wallClock(theirs)).abs();
                    assertTrue(apart.compareTo(Duration.ofMinutes(2)) < 0, where + ": " + mine + " / " + theirs);
                } else if (column.endsWith("_at") || column.equals("slip_number") || column.equals("business_date")) {
                    assertEquals(mine == null, theirs == null, where + ": " + mine + " / " + theirs);
                } else if (!ids.contains(column)) {
                    assertEquals(mine, theirs, where);
                }
            }
        }
    }

    /** A DATETIME as the driver returns it, as the wall clock it holds. */
    private static LocalDateTime wallClock(Object datetime) {
        return datetime instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) datetime;
    }

    private static JsonObject eventWithoutIds(Map<String, Object> row) {
        JsonObject event = Json.createReader(new java.io.StringReader(row.get("payload").toString())).readObject();
        JsonObject sale = event.getJsonObject("saleCompleted");
        var lines = Json.createArrayBuilder();
        sale.getJsonArray("lines").forEach(l -> lines.add(Json.createObjectBuilder(l.asJsonObject()).remove("lineId")));
        return Json.createObjectBuilder(event).remove("id").remove("occurredAt").add("saleCompleted", Json.createObjectBuilder(sale)
                .remove("saleId").remove("slipNumber").remove("completedAt").remove("businessDate").add("lines", lines)).build();
    }

    @Test
    void aDocumentNamesItsGoodsByBarcodeOrSku() throws SQLException {
        JsonHttp cashier = shop().cashier();
        String bySku = "{\"id\":\"%s\",\"terminalId\":\"T1\",\"createdAt\":\"" + Instant.now() + "\",\"lines\":[{\"id\":\"%s\",\"sku\":\"%s\","
                + "\"quantity\":\"1\"}],\"payments\":[" + cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]") + "]}";
        JsonObject sale = expect(201, cashier.post("sales/documents", String.format(bySku, UUID.randomUUID(), UUID.randomUUID(), "E00002"))).json();
        assertEquals(RICE_COOKER, sale.getJsonArray("lines").getJsonObject(0).getString("barcode"));
        assertProblem(404, "product-not-found", cashier.post("sales/documents", String.format(bySku, UUID.randomUUID(), UUID.randomUUID(), "E99999")));
        assertProblem(404, "product-not-found", cashier.post("sales/documents", document(UUID.randomUUID().toString(), Instant.now(), Shop.NOT_IN_CATALOG, "1",
                cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"))));
        Shop.execute("update product set active = false where sku = 'E00003'");
        try {
            assertProblem(404, "product-not-found", cashier.post("sales/documents", document(UUID.randomUUID().toString(), Instant.now(), "6910384000036", "1",
                    cash("289.00", "[{\"denomination\":\"100\",\"count\":3}]"))), "a product taken out of the catalog");
        } finally {
            Shop.execute("update product set active = true where sku = 'E00003'");
        }
    }

    /**
     * The stock a document read was enough, but another sale takes it while the document waits for
     * the row: the update that takes the goods (and, in the same round trip, the slip number) finds
     * it short. Refused, naming what is left; no sale, no slip number used.
     */
    @Test
    void aDocumentWhoseGoodsAreSoldWhileItWaitsIsRefusedAndUsesNoSlipNumber() throws Exception {
        JsonHttp cashier = shop().cashier();
        Shop.execute("update stock set on_hand = 3 where sku = 'E00021'");
        long nextSlip = count("select next_value from number_counter where name = 'slip'");
        String saleId = UUID.randomUUID().toString();
        ExecutorService submitter = Executors.newSingleThreadExecutor();
        try (var otherSale = org.guitai.kernel.testing.TestDatabase.get().connect()) {
            otherSale.setAutoCommit(false);
            try (var take = otherSale.prepareStatement("update stock set on_hand = 1 where sku = 'E00021'")) {
                take.executeUpdate();
            }
            Future<Answer> submitted = submitter.submit(() -> cashier.post("sales/documents", document(saleId, Instant.now(), barcodeOf("E00021"), "2",
                    cash("598.00", "[{\"denomination\":\"100\",\"count\":6}]"))));
            Eventually.until(Duration.ofSeconds(30), "the document waiting for the stock row",
                    () -> count("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT' and trx_query like ?",
                            "update stock set on_hand = on_hand - case sku when 'E00021' %") > 0);
            otherSale.commit();
            Answer refused = submitted.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertProblem(422, "insufficient-stock", refused);
            assertEquals("1", refused.json().getString("available"), refused::toString);
        } finally {
            submitter.shutdownNow();
            Shop.execute("update stock set on_hand = 50 where sku = 'E00021'");
        }
        assertEquals(0, count("select count(*) from sale where id = ?", saleId));
        assertEquals(nextSlip, count("select next_value from number_counter where name = 'slip'"), "the slip number taken with the stock went back");
    }

    @Test
    void productBarcodesInADocumentAreNotMistakenForCardNumbers() throws SQLException {
        // 6910384000036 is thirteen digits; the card-number check looks only at the payments
        JsonHttp cashier = shop().cashier();
        Shop.execute("update stock set on_hand = on_hand + 1 where sku = 'E00003'");
        expect(201, cashier.post("sales/documents", document(UUID.randomUUID().toString(), Instant.now(), "6910384000036", "1",
                cash("289.00", "[{\"denomination\":\"100\",\"count\":3}]"))));
    }


    // --- rules found in review ---------------------------------------------------------------------------

    @Test
    void cancellingAConfirmedOrderNeedsAManager() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        assertProblem(403, "approval-required", cashier.post("sales/" + saleId + "/cancel", "{}"));
        String approval = shop.approval(cashier, "VOID_LINE", saleId);
        assertEquals("CANCELLED", expect(200, cashier.post("sales/" + saleId + "/cancel", "{\"approvalId\":\"" + approval + "\"}")).json().getString("status"));
        assertTrue(auditOf(shop, saleId).stream().anyMatch(e -> e.getString("event").equals("SALE_CANCELLED") && "M001".equals(e.getString("approvedBy", null))));
    }

    @Test
    void anApprovalServesOnlyWhoAskedForItAndARepeatedRequestGetsTheSameOne() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        String requestId = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + requestId + "\",\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"PRICE_OVERRIDE\",\"saleId\":\"" + saleId + "\"}";
        String first = expect(201, cashier.post("approvals", body)).json().getString("approvalId");
        assertEquals(requestId, first);
        assertEquals(first, expect(201, cashier.post("approvals", body)).json().getString("approvalId"));
        JsonHttp colleague = shop.login("A001", "8642", "T1");
        Answer stolen = addLine(colleague, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\",\"approvalId\":\"" + first + "\"");
        assertProblem(403, "approval-required", stolen);
        assertTrue(stolen.json().getString("detail").contains("given to C001"));
    }

    @Test
    void theDrawerOpensWithoutASaleOnlyWithAManagersApproval() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        assertProblem(400, "invalid-request", cashier.post("drawer/no-sale", "{\"reason\":\"换零钱\"}"));
        String approval = shop.approval(cashier, "NO_SALE", null);
        JsonObject opened = expect(200, cashier.post("drawer/no-sale", "{\"approvalId\":\"" + approval + "\",\"reason\":\"换零钱\"}")).json();
        assertEquals("T1", opened.getString("terminalId"));
        assertProblem(403, "approval-required", cashier.post("drawer/no-sale", "{\"approvalId\":\"" + approval + "\",\"reason\":\"again\"}"));
        assertTrue(count("select count(*) from audit_entry where event = 'NO_SALE' and approved_by = 'M001' and detail like '%换零钱%'") >= 1);
    }

    @Test
    void cashWaivesTheFenTheDrawerCannotPay() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        String approval = shop.approval(cashier, "PRICE_OVERRIDE", saleId);
        expect(201, addLine(cashier, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"12.26\",\"approvalId\":\"" + approval + "\""));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", cash("12.20", "[{\"denomination\":\"10\",\"count\":1},{\"denomination\":\"10.00\",\"count\":1}]")));
        JsonObject payment = paid.json().getJsonObject("payment");
        assertEquals("20.00", payment.getString("received"), "10 and 10.00 are one denomination");
        assertEquals("12.26", payment.getString("applied"));
        assertEquals("0.06", payment.getString("rounding"));
        assertEquals("7.80", payment.getString("change"));
        assertEquals("收您20.00元，找您7.80元（抹零0.06元）", paid.json().getString("announcement"));
        assertEquals("PAID", paid.json().getJsonObject("sale").getString("status"));
        assertThrows(SQLException.class, () -> Shop.execute("update payment set received = 1 where sale_id = ?", saleId), "tenders are never changed");
    }

    @Test
    void theStateIsCheckedBeforeAnythingElse() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        assertProblem(409, "sale-state", addLine(cashier, saleId, Shop.NOT_IN_CATALOG, "1"));
        assertProblem(409, "sale-state", addLine(cashier, saleId, RICE_COOKER, "100000"));
    }

    @Test
    void theLastUnitGoesToTheFirstSaleToPay() throws SQLException {
        JsonHttp cashier = shop().cashier();
        Shop.execute("update stock set on_hand = 1 where sku = 'E00004'");
        try {
            String first = confirmedSale(cashier, "6910384000043", "1");
            String second = confirmedSale(cashier, "6910384000043", "1");
            String price = cashier.get("sales/" + first).json().getString("total");
            expect(201, cashier.post("sales/" + first + "/payments", cash(price, "[{\"denomination\":\"100\",\"count\":10}]")));
            assertProblem(422, "insufficient-stock", cashier.post("sales/" + second + "/payments", cash(price, "[{\"denomination\":\"100\",\"count\":10}]")));
            assertEquals(0, count("select count(*) from payment where sale_id = ?", second));
            assertEquals(0, count("select count(*) from stock where sku = 'E00004' and on_hand < 0"));
        } finally {
            Shop.execute("update stock set on_hand = 100 where sku = 'E00004'");
        }
    }

    @Test
    void concurrentWrongPinsAreAllCounted() throws Exception {
        Shop shop = shop();
        ExecutorService attackers = Executors.newFixedThreadPool(8);
        try {
            Callable<Integer> guess = () -> shop.api().post("sessions", "{\"terminalId\":\"T2\",\"staffCode\":\"C001\",\"pin\":\"9999\"}").status();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : attackers.invokeAll(Collections.nCopies(24, guess))) {
                statuses.add(status.get());
            }
            long checked = statuses.stream().filter(s -> s == 401).count();
            assertTrue(checked <= 6, "at most the attempts before the lock get their PIN checked: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429 || s == 423), statuses.toString());
        } finally {
            attackers.shutdown();
            expect(204, shop.manager().post("staff/C001/unlock", "{\"terminalId\":\"T2\"}"));
        }
    }

    @Test
    void retriedDecisionsReturnTheFirstResult() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonHttp manager = shop.manager();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String checkId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales/" + saleId + "/payments", check(checkId, "279.00", "778899", "农业银行")));
        String clearance = "sales/" + saleId + "/payments/" + checkId + "/clearance";
        expect(200, manager.post(clearance, "{\"outcome\":\"CLEARED\"}"));
        assertEquals("PAID", expect(200, manager.post(clearance, "{\"outcome\":\"CLEARED\"}")).json().getString("status"));
        assertProblem(409, "sale-state", manager.post(clearance, "{\"outcome\":\"BOUNCED\"}"));

        String number = expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json().getString("number");
        String voiding = "{\"reason\":\"抬头错误\",\"approvalId\":\"" + shop.approval(cashier, "VOID_INVOICE", saleId) + "\"}";
        expect(200, cashier.post("invoices/" + number + "/void", voiding));
        assertEquals("VOID", expect(200, cashier.post("invoices/" + number + "/void", voiding)).json().getString("status"));
    }

    @Test
    void aReplayCannotAcknowledgeASaleStillAtTheCounter() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        assertProblem(409, "id-conflict", cashier.post("sales/documents", document(saleId, Instant.now(), RICE_COOKER, "1",
                cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"))));
        assertProblem(409, "id-conflict", cashier.post("sales/documents", document(saleId, Instant.now(), RICE_COOKER, "1",
                cash("270.00", "[{\"denomination\":\"100\",\"count\":3}]"))), "also when the document breaks a rule");

        // a recorded document is shown again only to staff who may submit sales
        String recorded = UUID.randomUUID().toString();
        String body = document(recorded, Instant.now(), RICE_COOKER, "1", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"));
        expect(201, cashier.post("sales/documents", body));
        assertProblem(403, "forbidden", shop.login("A001", "8642", "T1").post("sales/documents", body));
        expect(200, cashier.post("sales/documents", body));
    }

    // --- replays, goods held for checks, counters -------------------------------------------------------------

    @Test
    void aReplayIsAnsweredWithTheRecordedSaleWhateverHappenedSince() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        Shop.execute("update stock set on_hand = 1 where sku = 'E00005'");
        java.math.BigDecimal listPrice = new java.math.BigDecimal(expect(200, cashier.get("products/E00005")).json().getString("price"));
        try {
            String barcode = barcodeOf("E00005");
            String price = expect(200, cashier.get("products?barcode=" + barcode)).array().getJsonObject(0).getString("price");
            String saleId = UUID.randomUUID().toString();
            String checkId = UUID.randomUUID().toString();
            String body = document(saleId, Instant.now(), barcode, "1", check(checkId, price, "990011", "招商银行"));
            assertEquals("AWAITING_CLEARANCE", expect(201, cashier.post("sales/documents", body)).json().getString("status"));
            assertEquals(0, count("select on_hand from stock where sku = 'E00005'"), "the goods are held for the customer");

            expect(200, shop.manager().post("sales/" + saleId + "/payments/" + checkId + "/clearance", "{\"outcome\":\"CLEARED\"}"));
            Shop.execute("update product set price = price + 10 where sku = 'E00005'");
            // the stock is gone and the price moved: the replay is still the sale recorded the first time
            JsonObject replayed = expect(200, cashier.post("sales/documents", body)).json();
            assertEquals(saleId, replayed.getString("id"));
            assertEquals("PAID", replayed.getString("status"));
            assertEquals(price, replayed.getString("total"));
            assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));
        } finally {
            Shop.execute("update product set price = ? where sku = 'E00005'", listPrice);
            Shop.execute("update stock set on_hand = 50 where sku = 'E00005'");
        }
    }

    @Test
    void goodsWaitingForACheckAreNotSoldTwiceAndComeBackWhenItBouncesAndTheSaleIsCancelled() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        Shop.execute("update stock set on_hand = 1 where sku = 'E00006'");
        try {
            String barcode = barcodeOf("E00006");
            String held = confirmedSale(cashier, barcode, "1");
            String price = cashier.get("sales/" + held).json().getString("total");
            String other = confirmedSale(cashier, barcode, "1");
            String checkId = UUID.randomUUID().toString();
            expect(201, cashier.post("sales/" + held + "/payments", check(checkId, price, "112233", "交通银行")));
            assertEquals(0, count("select on_hand from stock where sku = 'E00006'"));
            assertProblem(422, "insufficient-stock", cashier.post("sales/" + other + "/payments", cash(price, "[{\"denomination\":\"100\",\"count\":20}]")),
                    "the last one waits for the check's customer");

            JsonHttp manager = shop.manager();
            JsonObject bounced = expect(200, manager.post("sales/" + held + "/payments/" + checkId + "/clearance", "{\"outcome\":\"BOUNCED\"}")).json();
            assertEquals("CONFIRMED", bounced.getString("status"));
            assertEquals(0, count("select on_hand from stock where sku = 'E00006'"), "still held: the customer may pay another way");
            String approval = shop.approval(cashier, "VOID_LINE", held);
            expect(200, cashier.post("sales/" + held + "/cancel", "{\"approvalId\":\"" + approval + "\"}"));
            assertEquals(1, count("select on_hand from stock where sku = 'E00006'"), "back on the shelf");
            assertEquals("PAID", expect(201, cashier.post("sales/" + other + "/payments", cash(price, "[{\"denomination\":\"100\",\"count\":20}]")))
                    .json().getJsonObject("sale").getString("status"));
        } finally {
            Shop.execute("update stock set on_hand = 50 where sku = 'E00006'");
        }
    }

    @Test
    void aClearedCheckIsRecordedEvenIfTheShelfIsEmptyNow() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String checkId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales/" + saleId + "/payments", check(checkId, "279.00", "445566", "中国银行")));
        long onHand = count("select on_hand from stock where sku = 'E00002'");
        Shop.execute("update stock set on_hand = 0 where sku = 'E00002'");
        try {
            assertEquals("PAID", expect(200, shop.manager().post("sales/" + saleId + "/payments/" + checkId + "/clearance", "{\"outcome\":\"CLEARED\"}"))
                    .json().getString("status"), "its goods left the shelf when the check was taken");
            assertEquals(0, count("select on_hand from stock where sku = 'E00002'"));
        } finally {
            Shop.execute("update stock set on_hand = ? where sku = 'E00002'", onHand);
        }
    }

    @Test
    void onlyTheCounterServingASaleBuildsAndTakesItsPaymentButAnyCounterHandsItOver() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonHttp otherCounter = shop.login("C001", "2468", "T2");
        String saleId = openSale(cashier);
        Answer refused = addLine(otherCounter, saleId, RICE_COOKER, "1");
        assertProblem(409, "sale-at-other-terminal", refused);
        assertEquals("T1", refused.json().getString("terminalId"));
        expect(201, addLine(cashier, saleId, RICE_COOKER, "1"));
        assertProblem(409, "sale-at-other-terminal", otherCounter.post("sales/" + saleId + "/confirm"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        assertProblem(409, "sale-at-other-terminal", otherCounter.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")));
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
        JsonObject paid = expect(201, cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")))
                .json().getJsonObject("sale");
        String lineId = paid.getJsonArray("lines").getJsonObject(0).getString("id");
        assertEquals("PACKED", expect(200, otherCounter.post("sales/" + saleId + "/packing", "{\"lines\":[{\"lineId\":\"" + lineId + "\",\"quantity\":\"1\"}]}"))
                .json().getString("status"), "pick-up is at whichever counter the customer comes to");
        expect(201, otherCounter.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString())));
        assertEquals("COMPLETED", expect(200, otherCounter.post("sales/" + saleId + "/complete")).json().getString("status"));
    }

    @Test
    void slipNumbersAreConsecutiveAcrossRefusedAndConcurrentPayments() throws Exception {
        JsonHttp cashier = shop().cashier();
        long first = paidSale(cashier).getJsonNumber("slipNumber").longValue();
        String refused = confirmedSale(cashier, RICE_COOKER, "1");
        assertProblem(422, "insufficient-cash", cashier.post("sales/" + refused + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":2}]")));
        assertEquals(first + 1, paidSale(cashier).getJsonNumber("slipNumber").longValue());

        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sales.add(confirmedSale(cashier, RICE_COOKER, "1"));
        }
        ExecutorService counters = Executors.newFixedThreadPool(8);
        try {
            List<Long> slips = new ArrayList<>();
            for (Future<Long> slip : counters.invokeAll(sales.stream().<Callable<Long>>map(id -> () -> expect(201,
                    cashier.post("sales/" + id + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")))
                    .json().getJsonObject("sale").getJsonNumber("slipNumber").longValue()).toList())) {
                slips.add(slip.get());
            }
            Collections.sort(slips);
            assertEquals(IntStream.range(0, 8).mapToObj(i -> first + 2 + i).toList(), slips);
        } finally {
            counters.shutdown();
        }
    }

    @Test
    void eightClientsRetryingOnePaymentChargeOnceTakeTheGoodsOnceAndStampOneSlip() throws Exception {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        long onHand = count("select on_hand from stock where sku = 'E00002'");
        String payment = cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]");
        ExecutorService retries = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            Callable<Answer> retry = () -> cashier.post("sales/" + saleId + "/payments", payment);
            for (Future<Answer> answer : retries.invokeAll(Collections.nCopies(8, retry))) {
                statuses.add(answer.get().status());
            }
            assertEquals(Collections.nCopies(8, 201), statuses);
        } finally {
            retries.shutdown();
        }
        assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));
        assertEquals(onHand - 1, count("select on_hand from stock where sku = 'E00002'"));
        assertEquals(1, count("select count(distinct slip_number) from sale where id = ? and slip_number is not null", saleId));
    }

    @Test
    void aCounterSaleBelongsToTheDayItIsPaidSoANextMorningInvoiceIsNotLate() throws SQLException {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        // opened yesterday evening, paid this morning
        Shop.execute("update sale set business_date = business_date - interval 1 day, opened_at = opened_at - interval 10 hour where id = ?", saleId);
        expect(201, cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")));
        JsonObject invoice = expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json();
        assertFalse(invoice.containsKey("remark") && "补开".equals(invoice.getString("remark", "")), invoice.toString());
    }

    @Test
    void aTerminalReplaysTheSalesOfWhoeverMadeThem() {
        Shop shop = shop();
        JsonHttp manager = shop.manager();
        String saleId = UUID.randomUUID().toString();
        String made = document(saleId, Instant.now().minusSeconds(600), RICE_COOKER, "1", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"))
                .replace("\"terminalId\":\"T1\",", "\"terminalId\":\"T1\",\"cashierCode\":\"C001\",");
        JsonObject sale = expect(201, manager.post("sales/documents", made)).json();
        assertEquals("C001", sale.getString("cashier"));
        assertEquals(1, count("select count(*) from payment where sale_id = ? and staff_code = 'C001'", saleId));
        assertEquals(1, count("select count(*) from audit_entry where event = 'SALE_SUBMITTED_FOR' and sale_id = ? and requested_by = 'M001' and subject = 'C001'", saleId));
        assertProblem(422, "unknown-cashier", manager.post("sales/documents", made.replace(saleId, UUID.randomUUID().toString()).replace("C001", "C404")));
        assertProblem(422, "wrong-terminal", shop.login("C001", "2468", "T2").post("sales/documents",
                made.replace(saleId, UUID.randomUUID().toString()).replace("\"cashierCode\":\"C001\"", "\"cashierCode\":\"M001\"")));
    }

    @Test
    void cardNumbersInFreeTextAreRefusedAndNotKept() {
        JsonHttp cashier = shop().cashier();
        String saleId = paidSale(cashier).getString("id");
        String invoice = buyer(UUID.randomUUID().toString()).replace("北京市西城区西单北大街120号", "卡号 4111 1111 1111 1111");
        assertProblem(422, "card-number-refused", cashier.post("sales/" + saleId + "/invoice", invoice));
        assertProblem(422, "card-number-refused", cashier.post("sales/" + saleId + "/delivery", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"contact\":\"李明 5500005555555559\",\"phone\":\"13800138000\",\"address\":\"北京市西城区\",\"window\":" + window(2, 4) + "}"));
        assertEquals(0, count("select count(*) from invoice where sale_id = ?", saleId));
        assertEquals(0, count("select count(*) from delivery where sale_id = ?", saleId));
        expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString())));
    }

    @Test
    void aRefusedApprovalIsAuditedWithWhoAskedForIt() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        long before = count("select count(*) from audit_entry where event = 'LOGIN_FAILED' and requested_by = 'C001' and approved_by = 'M001' and terminal_id = 'T1'");
        assertProblem(401, "invalid-credentials", cashier.post("approvals",
                "{\"staffCode\":\"M001\",\"pin\":\"0000\",\"action\":\"PRICE_OVERRIDE\",\"saleId\":\"" + saleId + "\"}"));
        assertEquals(before + 1, count("select count(*) from audit_entry where event = 'LOGIN_FAILED' and requested_by = 'C001' and approved_by = 'M001' and terminal_id = 'T1'"));
        shop.approval(cashier, "PRICE_OVERRIDE", saleId);
    }

    @Test
    void anApprovalServesOnlyItsActionItsCounterAndItsMinutes() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = openSale(cashier);
        String discount = shop.approval(cashier, "DISCOUNT", saleId);
        assertProblem(403, "approval-required", addLine(cashier, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\",\"approvalId\":\"" + discount + "\""),
                "a discount approval does not override a price");
        String expired = shop.approval(cashier, "PRICE_OVERRIDE", saleId);
        Shop.execute("update approval set expires_at = created_at where id = ?", expired);
        assertProblem(403, "approval-required", addLine(cashier, saleId, RICE_COOKER, "1", ",\"unitPrice\":\"250.00\",\"approvalId\":\"" + expired + "\""),
                "five minutes on, an approval is gone");
        assertEquals(0, count("select count(*) from sale_line where sale_id = ?", saleId));
    }

    @Test
    void sessionsEndAfterTheIdleAndTheAbsoluteTimeout() throws SQLException {
        Shop shop = shop();
        // at T2, where logging in makes no other call (a session checked a moment ago is trusted for a moment)
        JsonHttp idle = shop.login("C001", "2468", "T2");
        Shop.execute("update staff_session set last_seen_at = last_seen_at - interval 31 minute where token_digest = sha2(?, 256)", idle.token());
        assertProblem(401, "not-authenticated", idle.get("sessions/current"));
        JsonHttp long_ = shop.login("C001", "2468", "T2");
        Shop.execute("update staff_session set started_at = started_at - interval 13 hour where token_digest = sha2(?, 256)", long_.token());
        assertProblem(401, "not-authenticated", long_.get("sessions/current"));
        assertEquals(200, shop.cashier().get("sessions/current").status());
    }

    @Test
    void failedLoginsAreAuditedWithTheTerminalInUtc() {
        Shop shop = shop();
        Instant before = Instant.now().minusSeconds(1);
        assertProblem(401, "invalid-credentials", shop.api().post("sessions", "{\"terminalId\":\"T2\",\"staffCode\":\"M001\",\"pin\":\"0000\"}"));
        List<JsonObject> failed = expect(200, shop.manager().get("audit?date=" + java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")))).array()
                .getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("event").equals("LOGIN_FAILED") && "M001".equals(e.getString("subject", null)) && "T2".equals(e.getString("terminalId", null)))
                .toList();
        assertFalse(failed.isEmpty(), "the failed login is in the log");
        Instant at = Instant.parse(failed.get(failed.size() - 1).getString("at"));
        assertTrue(!at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(1)), "recorded in UTC: " + at);
        expect(204, shop.manager().post("staff/M001/unlock", "{\"terminalId\":\"T2\"}"));
    }

    @Test
    void aLineBySkuAndAnInvoiceOfTwoShowAmountEqualsQuantityTimesPrice() {
        JsonHttp cashier = shop().cashier();
        String saleId = openSale(cashier);
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/lines", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"sku\":\"E00002\",\"quantity\":\"2\",\"discountPercent\":\"5\"}")).json();
        JsonObject line = sale.getJsonArray("lines").getJsonObject(0);
        assertEquals("6910384000029", line.getString("barcode"));
        assertEquals("265.05", line.getString("unitPrice"));
        assertEquals("530.10", line.getString("amount"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        expect(201, cashier.post("sales/" + saleId + "/payments", cash("530.10", "[{\"denomination\":\"100\",\"count\":6}]")));
        JsonObject invoiceLine = expect(201, cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString()))).json()
                .getJsonArray("lines").getJsonObject(0);
        assertEquals("2", invoiceLine.getString("quantity"));
        assertEquals("265.05", invoiceLine.getString("unitPrice"), "the actual price after the discount");
        assertEquals("530.10", invoiceLine.getString("amount"));
        assertProblem(400, "invalid-request", cashier.post("sales/" + openSale(cashier) + "/lines", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"sku\":\"E00002\",\"barcode\":\"6910384000029\",\"quantity\":\"1\"}"));
    }

    @Test
    void aSaleWaitingForItsCheckIsNotInvoicedPackedOrDelivered() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        assertProblem(422, "invalid-amount", cashier.post("sales/" + saleId + "/payments", check(UUID.randomUUID().toString(), "300.00", "123123", "中国银行")), "only cash may exceed what is due");
        JsonObject held = expect(201, cashier.post("sales/" + saleId + "/payments", check(UUID.randomUUID().toString(), "279.00", "123124", "中国银行"))).json().getJsonObject("sale");
        String lineId = held.getJsonArray("lines").getJsonObject(0).getString("id");
        for (Answer refused : List.of(
                cashier.post("sales/" + saleId + "/invoice", buyer(UUID.randomUUID().toString())),
                cashier.post("sales/" + saleId + "/packing", "{\"lines\":[{\"lineId\":\"" + lineId + "\",\"quantity\":\"1\"}]}"),
                cashier.post("sales/" + saleId + "/delivery", "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"contact\":\"李明\",\"phone\":\"010-66012345\",\"address\":\"北京市西城区\",\"window\":" + window(20, 23) + "}"))) {
            assertProblem(409, "sale-state", refused);
            assertEquals("AWAITING_CLEARANCE", refused.json().getString("state"));
        }
    }

    @Test
    void aDeliveryTakesALandlineAndChangeTheDrawerCannotGiveIsRefused() {
        JsonHttp cashier = shop().cashier();
        String saleId = paidSale(cashier).getString("id");
        JsonObject booked = expect(201, cashier.post("sales/" + saleId + "/delivery", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"contact\":\"王芳\",\"phone\":\"010-66012345\",\"address\":\"北京市西城区西单北大街120号\",\"window\":" + window(20, 23) + "}")).json();
        assertEquals("REQUESTED", booked.getString("status"));

        String other = confirmedSale(cashier, BIG_RICE_COOKER, "1");
        assertProblem(422, "change-not-payable", cashier.post("sales/" + other + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"639.00\",\"amount\":\"100.05\",\"counted\":[{\"denomination\":\"100\",\"count\":2}]}"),
                "99.95 in change needs a 5-fen coin the drawer does not hold");
        assertEquals(0, count("select count(*) from payment where sale_id = ?", other));
        Answer paid = expect(201, cashier.post("sales/" + other + "/payments", cash("639.00", "[{\"denomination\":\"100\",\"count\":6},{\"denomination\":\"50\",\"count\":1}]")));
        assertEquals("11.00", paid.json().getJsonObject("payment").getString("change"));
        assertEquals(List.of("10:1", "1:1"), paid.json().getJsonArray("changeBreakdown").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("denomination") + ":" + n.getInt("count")).toList());
    }

    @Test
    void aDocumentReusingAnotherSalesLineIdIsAConflict() {
        JsonHttp cashier = shop().cashier();
        String first = UUID.randomUUID().toString();
        String body = document(first, Instant.now(), RICE_COOKER, "1", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"));
        expect(201, cashier.post("sales/documents", body));
        String second = UUID.randomUUID().toString();
        Answer conflict = cashier.post("sales/documents", body.replace(first, second).replaceFirst("\"tender\":\"CASH\"", "\"tender\":\"CASH\"")
                .replaceAll("\"id\":\"[0-9a-f-]{36}\",\"tender\"", "\"id\":\"" + UUID.randomUUID() + "\",\"tender\""));
        assertProblem(409, "id-conflict", conflict, "the line id belongs to another sale");
        assertEquals(0, count("select count(*) from sale where id = ?", second));
    }

    @Test
    void aCustomerIdMayBeAMemberBarcodeButNeverACardNumber() {
        JsonHttp cashier = shop().cashier();
        String refused = UUID.randomUUID().toString();
        assertProblem(422, "card-number-refused", cashier.post("sales", "{\"id\":\"" + refused + "\",\"terminalId\":\"T1\",\"customerId\":\"4111111111111111\"}"));
        assertEquals(0, count("select count(*) from sale where id = ?", refused));
        expect(201, cashier.post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"customerId\":\"6901234567892\"}"));
        expect(201, cashier.post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"customerId\":\"13800138000\"}"));
    }

    @Test
    void aManagerMayCancelASaleFromAnotherCounterWhenItsOwnIsDown() {
        Shop shop = shop();
        String saleId = confirmedSale(shop.cashier(), RICE_COOKER, "1");
        JsonHttp managerElsewhere = shop.login("M001", "1357", "T2");
        JsonHttp cashierElsewhere = shop.login("C001", "2468", "T2");
        assertProblem(409, "sale-at-other-terminal", cashierElsewhere.post("sales/" + saleId + "/cancel", "{}"));
        String approval = shop.approval(managerElsewhere, "VOID_LINE", saleId);
        assertEquals("CANCELLED", expect(200, managerElsewhere.post("sales/" + saleId + "/cancel", "{\"approvalId\":\"" + approval + "\"}"))
                .json().getString("status"));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static long invoiceSeq(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }

    private static String barcodeOf(String sku) {
        try (var c = org.guitai.kernel.testing.TestDatabase.get().connect();
             var s = c.prepareStatement("select barcode from product where sku = ?")) {
            s.setString(1, sku);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> auditOf(Shop shop, String saleId) {
        return expect(200, shop.manager().get("audit?saleId=" + saleId)).array().getValuesAs(JsonObject.class);
    }

    private static byte[] png(JsonHttp api, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(api.base().resolve(path)).header("Authorization", "Bearer " + api.token()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }


    // --- mobile payments (WeChat Pay, Alipay) ----------------------------------------------------------

    @Test
    void aMobilePaymentKeepsTheProvidersTransactionIdAndTheCodeNowhere() throws SQLException {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String paymentId = UUID.randomUUID().toString();
        // a WeChat code may pass the Luhn check like a card number: in paymentCode it is taken all the same
        String code = Shop.wechatCode(1, true);
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", code)));
        JsonObject payment = paid.json().getJsonObject("payment");
        assertEquals("MOBILE", payment.getString("tender"));
        assertEquals("WECHAT", payment.getString("channel"));
        String transactionId = payment.getString("transactionId");
        assertTrue(transactionId.startsWith("SIMWX"), transactionId);
        assertEquals("0.00", payment.getString("change"));
        assertEquals("微信支付收款279.00元", paid.json().getString("announcement"));
        assertEquals("PAID", paid.json().getJsonObject("sale").getString("status"));
        assertFalse(paid.body().contains(code), "the code is not echoed");

        // the same payment id again: the first result, charged once
        Answer again = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", code)));
        assertEquals(transactionId, again.json().getJsonObject("payment").getString("transactionId"));
        assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));
        assertEquals(1, count("select count(*) from payment where id = ? and tender = 'MOBILE' and channel = 'WECHAT' and transaction_id = ?",
                paymentId, transactionId));
        assertEquals(1, count("select count(*) from mobile_charge where payment_id = ? and status = 'APPROVED' and transaction_id = ? "
                + "and staff_code = 'C001' and terminal_id = 'T1'", paymentId, transactionId));
        JsonObject shown = expect(200, cashier.get("sales/" + saleId)).json().getJsonArray("payments").getJsonObject(0);
        assertEquals(List.of("MOBILE", "WECHAT", transactionId), List.of(shown.getString("tender"), shown.getString("channel"), shown.getString("transactionId")));
        assertTrue(expect(200, cashier.getPage("sales/" + saleId + "/slip")).body().contains("微信支付 279.00 交易号 " + transactionId));

        expect(200, cashier.post("sales/" + saleId + "/complete"));
        String event = (String) Shop.rows("select payload from outbox_event where payload like ?", "%" + saleId + "%").get(0).get("payload");
        assertTrue(event.contains("\"tender\":\"MOBILE\"") && event.contains("\"amount\":\"279.00\""), event);
        assertTrue(count("select count(*) from audit_entry where event = 'MOBILE_CHARGE' and sale_id = ? and requested_by = 'C001'", saleId) >= 2,
                "sent and approved, with who asked");
        assertEquals(List.of(), Shop.textColumnsHolding(code), "the payment code is in no column of any table: payments, charges, audit, outbox");
        // the schema: a mobile payment names its channel; a provider's transaction is paid into one payment only
        assertThrows(SQLException.class, () -> Shop.execute("update payment set channel = null where id = ?", paymentId));
        JsonObject other = paidSale(cashier);
        String otherPayment = other.getJsonArray("payments").getJsonObject(0).getString("id");
        assertThrows(SQLException.class, () -> Shop.execute("update payment set tender = 'MOBILE', channel = 'WECHAT', transaction_id = ? where id = ?",
                transactionId, otherPayment));
    }

    @Test
    void aDeclinedMobilePaymentChangesNothingAndIsNotChargedAgain() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String paymentId = UUID.randomUUID().toString();
        String declining = Shop.alipayCode(8);
        Answer declined = cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "ALIPAY", declining));
        assertProblem(422, "payment-declined", declined);
        assertEquals("insufficient balance", declined.json().getString("reason"));
        assertFalse(declined.body().contains(declining));
        JsonObject sale = expect(200, cashier.get("sales/" + saleId)).json();
        assertEquals(List.of("CONFIRMED", "279.00", "0"), List.of(sale.getString("status"), sale.getString("due"), String.valueOf(sale.getJsonArray("payments").size())));
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
        // the same id again is the same answer, from the record: even with a code that would now be approved
        assertProblem(422, "payment-declined", cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "ALIPAY", Shop.alipayCode(1))));
        assertEquals(1, count("select count(*) from mobile_charge where sale_id = ? and status = 'DECLINED' and decline_reason = 'insufficient balance'", saleId));
        // the customer pays again with a new code, under a new payment id
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(UUID.randomUUID().toString(), "279.00", "ALIPAY", Shop.alipayCode(3))));
        assertEquals("支付宝收款279.00元", paid.json().getString("announcement"));
        assertEquals("PAID", paid.json().getJsonObject("sale").getString("status"));
    }

    @Test
    void aLostAnswerIsResolvedByAskingTheProviderNeverByChargingAgain() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String paymentId = UUID.randomUUID().toString();
        String timesOut = Shop.wechatCode(9, false);
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", timesOut)));
        String transactionId = paid.json().getJsonObject("payment").getString("transactionId");
        assertEquals("PAID", paid.json().getJsonObject("sale").getString("status"));
        Answer again = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", timesOut)));
        assertEquals(transactionId, again.json().getJsonObject("payment").getString("transactionId"));
        assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId));
        assertEquals(1, count("select count(*) from mobile_charge where sale_id = ? and status = 'APPROVED' and transaction_id = ?", saleId, transactionId));
        assertEquals(1, count("select count(*) from audit_entry where event = 'MOBILE_CHARGE' and subject = ? and detail like '%sent%'", paymentId),
                "sent once");
    }

    @Test
    void aChargeTheProviderCannotTellAboutIsPendingAndARetryAsksAgainWithoutCharging() throws SQLException {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String paymentId = UUID.randomUUID().toString();
        // the store recorded the charge as sent and went down before the provider got it: the provider does not know it
        Shop.execute("insert into mobile_charge (payment_id, sale_id, channel, amount, currency, gateway, staff_code, terminal_id, status, sent_at) "
                + "values (?, ?, 'WECHAT', 279.00, 'CNY', 'simulator', 'C001', 'T1', 'SENT', utc_timestamp(6))", paymentId, saleId);
        String approving = Shop.wechatCode(2, false);
        for (int attempt = 1; attempt <= 2; attempt++) {
            Answer pending = cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", approving));
            // charged now, an approving code would have paid the sale: pending means it was only asked about
            assertProblem(409, "payment-pending", pending, "attempt " + attempt);
            assertEquals(paymentId, pending.json().getString("paymentId"));
        }
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
        assertEquals(1, count("select count(*) from mobile_charge where sale_id = ? and status = 'SENT'", saleId));
        assertEquals("279.00", expect(200, cashier.get("sales/" + saleId)).json().getString("due"));
        assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/hold"), "not put aside while its charge is pending");
        assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")),
                "no other tender while the charge may have gone through");
        // the same payment id for another amount is a conflict, not a new charge
        assertProblem(409, "id-conflict", cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "100.00", "WECHAT", approving)));
    }

    /**
     * While the customer confirms on the phone (the simulator waits on a code ending in 7) the
     * charge holds the amount: the sale takes no other tender, no second mobile charge, no cancel,
     * no hold, no line change; then the first charge is recorded.
     */
    @Test
    void whileTheProviderAnswersTheSaleTakesNothingElse() throws Exception {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String lineId = expect(200, cashier.get("sales/" + saleId)).json().getJsonArray("lines").getJsonObject(0).getString("id");
        String paymentId = UUID.randomUUID().toString();
        ExecutorService phone = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> charging = phone.submit(() -> cashier.post("sales/" + saleId + "/payments",
                    Shop.mobile(paymentId, "279.00", "WECHAT", Shop.wechatCode(7, false))));
            Eventually.until(Duration.ofSeconds(30), "the charge recorded as sent",
                    () -> count("select count(*) from mobile_charge where payment_id = ? and status = 'SENT'", paymentId) == 1);

            Answer cashMeanwhile = cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"));
            assertProblem(409, "payment-pending", cashMeanwhile);
            assertEquals(paymentId, cashMeanwhile.json().getString("paymentId"), "names the pending payment");
            String secondId = UUID.randomUUID().toString();
            assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/payments",
                    Shop.mobile(secondId, "279.00", "ALIPAY", Shop.alipayCode(1))), "no second charge under a new payment id");
            assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/payments",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"279.00\",\"authCode\":\"A12345\",\"last4\":\"4242\","
                            + "\"terminalReference\":\"POS-1\"}"));
            assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/cancel", "{}"));
            assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/hold"));
            assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/lines/" + lineId + "/void", "{}"));
            assertEquals(0, count("select count(*) from mobile_charge where payment_id = ?", secondId), "nothing was sent for the second");

            Answer paid = expect(201, charging.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals("PAID", paid.json().getJsonObject("sale").getString("status"));
            assertEquals(1, count("select count(*) from payment where sale_id = ?", saleId), "the first charge only, recorded");
            assertEquals(1, count("select count(*) from payment where id = ? and tender = 'MOBILE' and transaction_id = ?",
                    paymentId, paid.json().getJsonObject("payment").getString("transactionId")));
        } finally {
            phone.shutdownNow();
        }
    }

    /**
     * A charge the provider approved and the sale did not record (the request died after the answer):
     * it holds the sale and shows on the shift's X report; a retry with its id records it while the
     * sale takes it, and otherwise says the customer paid (charged-not-recorded).
     */
    @Test
    void anApprovedChargeNotRecordedIsRecordedByItsRetryOrReportedAsPaid() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonHttp manager = shop.manager();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String shiftId = expect(200, cashier.get("sales/" + saleId)).json().getString("shiftId");
        String paymentId = UUID.randomUUID().toString();
        String transactionId = "SIMWX" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Shop.execute("insert into mobile_charge (payment_id, sale_id, channel, amount, currency, gateway, staff_code, terminal_id, status, "
                + "transaction_id, sent_at, decided_at) values (?, ?, 'WECHAT', 279.00, 'CNY', 'simulator', 'C001', 'T1', 'APPROVED', ?, "
                + "utc_timestamp(6), utc_timestamp(6))", paymentId, saleId, transactionId);
        assertProblem(409, "payment-pending", cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")),
                "the customer paid already: no second tender");
        List<JsonObject> unrecorded = expect(200, manager.get("shifts/" + shiftId + "/report")).json().getJsonArray("unrecordedMobileCharges")
                .getValuesAs(JsonObject.class);
        assertTrue(unrecorded.stream().anyMatch(c -> c.getString("paymentId").equals(paymentId) && c.getString("saleId").equals(saleId)
                && c.getString("channel").equals("WECHAT") && c.getString("transactionId").equals(transactionId) && c.getString("amount").equals("279.00")),
                unrecorded::toString);
        // the retry records it without charging (a code ending in 8 would be declined if it were sent)
        Answer recorded = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", Shop.wechatCode(8, false))));
        assertEquals(transactionId, recorded.json().getJsonObject("payment").getString("transactionId"));
        assertEquals("PAID", recorded.json().getJsonObject("sale").getString("status"));
        assertTrue(expect(200, manager.get("shifts/" + shiftId + "/report")).json().getJsonArray("unrecordedMobileCharges")
                .getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getString("paymentId").equals(paymentId)), "recorded, no longer listed");

        // a sale that no longer takes it (paid by the time the retry comes): the customer paid, said so with the transaction
        JsonObject paidInCash = paidSale(cashier);
        String lateId = UUID.randomUUID().toString();
        String lateTransaction = "SIMWX" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Shop.execute("insert into mobile_charge (payment_id, sale_id, channel, amount, currency, gateway, staff_code, terminal_id, status, "
                + "transaction_id, sent_at, decided_at) values (?, ?, 'WECHAT', 279.00, 'CNY', 'simulator', 'C001', 'T1', 'APPROVED', ?, "
                + "utc_timestamp(6), utc_timestamp(6))", lateId, paidInCash.getString("id"), lateTransaction);
        Answer late = cashier.post("sales/" + paidInCash.getString("id") + "/payments", Shop.mobile(lateId, "279.00", "WECHAT", Shop.wechatCode(1, false)));
        assertProblem(409, "charged-not-recorded", late);
        assertEquals(List.of(lateId, lateTransaction), List.of(late.json().getString("paymentId"), late.json().getString("transactionId")));
        assertEquals(1, count("select count(*) from payment where sale_id = ?", paidInCash.getString("id")), "the cash payment only");
        assertTrue(expect(200, manager.get("shifts/" + paidInCash.getString("shiftId") + "/report")).json().getJsonArray("unrecordedMobileCharges")
                .getValuesAs(JsonObject.class).stream().anyMatch(c -> c.getString("paymentId").equals(lateId)), "on the manager's report");
    }

    /** A charge left SENT for over a minute (its request died, no retry came) is asked about at the gateway when a report is read. */
    @Test
    void aChargeLeftSentIsAskedAboutWhenTheReportIsRead() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String paymentId = UUID.randomUUID().toString();
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(paymentId, "279.00", "WECHAT", Shop.wechatCode(2, false))));
        String transactionId = paid.json().getJsonObject("payment").getString("transactionId");
        // as if the answer had never been recorded on the charge row: the provider knows the charge, the row says SENT
        Shop.execute("update mobile_charge set status = 'SENT', transaction_id = null, decided_at = null, "
                + "sent_at = utc_timestamp(6) - interval 2 minute where payment_id = ?", paymentId);
        expect(200, shop.manager().get("shifts/" + paid.json().getJsonObject("sale").getString("shiftId") + "/report"));
        assertEquals(1, count("select count(*) from mobile_charge where payment_id = ? and status = 'APPROVED' and transaction_id = ?", paymentId,
                transactionId), "the gateway's answer is on the row");
    }

    @Test
    void onlyPaymentCodesOfTheChannelAreTakenAndNeverEchoed() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        String alipay = Shop.alipayCode(1);
        for (String[] wrong : List.of(new String[] {"WECHAT", alipay}, new String[] {"ALIPAY", Shop.wechatCode(1, false)},
                new String[] {"WECHAT", "12345"}, new String[] {"ALIPAY", "2812345678901234567890123"}, new String[] {"WECHAT", "1345678901234567ab"})) {
            Answer refused = cashier.post("sales/" + saleId + "/payments", Shop.mobile(UUID.randomUUID().toString(), "279.00", wrong[0], wrong[1]));
            assertProblem(422, "invalid-payment-code", refused, wrong[0]);
            assertFalse(refused.body().contains(wrong[1]), refused::toString);
        }
        assertProblem(400, "invalid-request", cashier.post("sales/" + saleId + "/payments",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"MOBILE\",\"amount\":\"279.00\",\"paymentCode\":\"" + alipay + "\"}"), "no channel");
        assertProblem(400, "invalid-request", cashier.post("sales/" + saleId + "/payments",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"MOBILE\",\"amount\":\"279.00\",\"channel\":\"WECHAT\"}"), "no code");
        assertProblem(422, "invalid-amount", cashier.post("sales/" + saleId + "/payments",
                Shop.mobile(UUID.randomUUID().toString(), "300.00", "ALIPAY", alipay)), "more than is due");
        // the exception is the code's member only: a card number anywhere else is still refused
        assertProblem(422, "card-number-refused", cashier.post("sales/" + saleId + "/payments",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"MOBILE\",\"amount\":\"279.00\",\"channel\":\"ALIPAY\",\"paymentCode\":\"" + alipay
                        + "\",\"note\":\"4111111111111111\"}"));
        assertEquals(0, count("select count(*) from mobile_charge where sale_id = ?", saleId), "nothing was sent");
        assertEquals(0, count("select count(*) from payment where sale_id = ?", saleId));
        // a terminal's document cannot carry one: it is charged at the counter. (A document's tenders are all looked at
        // for card numbers, so this code is one that fails the Luhn check: a random one passes it one time in ten and is
        // refused as card-number-refused, 422 as well, before the rule is reached.)
        String doc = "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"createdAt\":\"" + Instant.now() + "\",\"lines\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"barcode\":\"" + RICE_COOKER + "\",\"quantity\":\"1\"}],\"payments\":["
                + Shop.mobile(UUID.randomUUID().toString(), "279.00", "ALIPAY", "281234567890123451") + "]}";
        assertProblem(422, "mobile-in-document", cashier.post("sales/documents", doc));
    }

    // --- hold and recall (挂单/取单) -------------------------------------------------------------------

    @Test
    void aHeldSaleWaitsAtItsCounterRefusesEveryStepAndIsRecalledThereOnly() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonHttp otherCounter = shop.login("C001", "2468", "T2");
        String first = openSale(cashier);
        expect(201, addLine(cashier, first, RICE_COOKER, "1"));
        String second = confirmedSale(cashier, RICE_COOKER, "2");

        JsonObject held = expect(200, cashier.post("sales/" + first + "/hold")).json();
        assertTrue(held.getBoolean("held"));
        assertEquals("OPEN", held.getString("status"), "a held sale keeps its status");
        String heldAt = held.getString("heldAt");
        JsonObject again = expect(200, cashier.post("sales/" + first + "/hold")).json();
        assertEquals(heldAt, again.getString("heldAt"), "holding a held sale changes nothing");
        assertEquals("CONFIRMED", expect(200, cashier.post("sales/" + second + "/hold")).json().getString("status"));

        assertProblem(409, "sale-held", addLine(cashier, first, RICE_COOKER, "1"));
        assertProblem(409, "sale-held", cashier.post("sales/" + first + "/confirm"));
        assertProblem(409, "sale-held", cashier.post("sales/" + second + "/confirm"));
        assertProblem(409, "sale-held", cashier.post("sales/" + second + "/payments", cash("558.00", "[{\"denomination\":\"100\",\"count\":6}]")));
        assertProblem(409, "sale-held", cashier.post("sales/" + second + "/payments",
                Shop.mobile(UUID.randomUUID().toString(), "558.00", "WECHAT", Shop.wechatCode(1, false))));
        assertEquals(0, count("select count(*) from payment where sale_id = ?", second));
        assertEquals(0, count("select count(*) from mobile_charge where sale_id = ?", second), "a held sale is not charged");
        assertEquals(1, count("select count(*) from sale_line where sale_id = ?", first));

        List<String> listed = expect(200, cashier.get("sales?terminalId=T1&held=true")).array().getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id")).toList();
        assertTrue(listed.indexOf(first) >= 0 && listed.indexOf(first) < listed.indexOf(second), "oldest first: " + listed);
        assertTrue(expect(200, cashier.get("sales?terminalId=T2&held=true")).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(s -> s.getString("id").equals(first)), "T2 holds none of T1's");
        assertProblem(400, "invalid-request", cashier.get("sales?held=true"));
        assertProblem(400, "invalid-request", cashier.get("sales?held=yes&terminalId=T1"));
        assertProblem(400, "invalid-request", cashier.get("sales"));

        assertProblem(409, "sale-at-other-terminal", otherCounter.post("sales/" + first + "/recall"));
        JsonObject recalled = expect(200, cashier.post("sales/" + first + "/recall")).json();
        assertFalse(recalled.getBoolean("held"));
        assertTrue(!recalled.containsKey("heldAt") || recalled.isNull("heldAt"), recalled::toString);
        assertFalse(expect(200, cashier.post("sales/" + first + "/recall")).json().getBoolean("held"), "recalling again changes nothing");
        assertEquals("CONFIRMED", expect(200, cashier.post("sales/" + first + "/confirm")).json().getString("status"));
        expect(200, cashier.post("sales/" + second + "/recall"));
        assertEquals("PAID", expect(201, cashier.post("sales/" + second + "/payments", cash("558.00", "[{\"denomination\":\"100\",\"count\":6}]")))
                .json().getJsonObject("sale").getString("status"));
        assertEquals(2, count("select count(*) from audit_entry where event = 'SALE_HELD' and sale_id in (?, ?) and requested_by = 'C001' "
                + "and terminal_id = 'T1'", first, second));
        assertEquals(2, count("select count(*) from audit_entry where event = 'SALE_RECALLED' and sale_id in (?, ?) and requested_by = 'C001'", first, second));
        expect(200, cashier.post("sales/" + first + "/cancel", "{\"approvalId\":\"" + shop.approval(cashier, "VOID_LINE", first) + "\"}"));
    }

    /** The counter that held a sale is down: the store manager recalls it at another counter, and cancels it there with an approval. */
    @Test
    void aStoreManagerRecallsAndCancelsAHeldSaleAtAnyCounter() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        expect(200, cashier.post("sales/" + saleId + "/hold"));
        assertProblem(409, "sale-at-other-terminal", shop.login("C001", "2468", "T2").post("sales/" + saleId + "/recall"), "a cashier: at its own counter only");
        JsonHttp managerAtT2 = shop.login("M001", "1357", "T2");
        JsonObject recalled = expect(200, managerAtT2.post("sales/" + saleId + "/recall")).json();
        assertFalse(recalled.getBoolean("held"));
        assertEquals(1, count("select count(*) from audit_entry where event = 'SALE_RECALLED' and sale_id = ? and requested_by = 'M001' "
                + "and terminal_id = 'T2'", saleId));
        assertProblem(403, "approval-required", managerAtT2.post("sales/" + saleId + "/cancel", "{}"), "a confirmed order: with an approval, as ever");
        JsonObject cancelled = expect(200, managerAtT2.post("sales/" + saleId + "/cancel",
                "{\"approvalId\":\"" + shop.approval(managerAtT2, "VOID_LINE", saleId) + "\"}")).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
    }

    @Test
    void aSaleWithATenderIsNotHeld() {
        JsonHttp cashier = shop().cashier();
        String saleId = confirmedSale(cashier, BIG_RICE_COOKER, "1");
        expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"639.00\",\"amount\":\"139.00\",\"counted\":[{\"denomination\":\"100\",\"count\":2}]}"));
        assertProblem(409, "sale-state", cashier.post("sales/" + saleId + "/hold"));
        assertProblem(409, "sale-state", cashier.post("sales/" + paidSale(cashier).getString("id") + "/hold"));
    }

    // --- finding past sales, reprints ------------------------------------------------------------------

    @Test
    void theDaysSalesAreListedNewestFirstByTerminal() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject older = paidSale(cashier);
        JsonObject newer = paidSale(cashier);
        String day = newer.getString("businessDate");
        List<JsonObject> listed = expect(200, cashier.get("sales?date=" + day)).array().getValuesAs(JsonObject.class);
        List<String> ids = listed.stream().map(s -> s.getString("id")).toList();
        assertTrue(ids.indexOf(newer.getString("id")) >= 0 && ids.indexOf(newer.getString("id")) < ids.indexOf(older.getString("id")), "newest first");
        long ofTheDay = count("select count(*) from sale where business_date = ?", day);
        assertEquals(Math.min(200, ofTheDay), listed.size(), "every sale of the day, up to the limit");
        List<Instant> created = listed.stream().map(s -> Instant.parse(s.getString("createdAt"))).toList();
        for (int i = 1; i < created.size(); i++) {
            assertFalse(created.get(i).isAfter(created.get(i - 1)), "newest first all along: " + created);
        }
        JsonObject found = listed.get(ids.indexOf(newer.getString("id")));
        assertEquals(newer.getString("slipCode"), found.getString("slipCode"));
        assertEquals(List.of("PAID", "T1", "C001", "279.00"), List.of(found.getString("status"), found.getString("terminalId"), found.getString("cashier"),
                found.getString("total")));
        assertTrue(found.getJsonNumber("slipNumber").longValue() > 0);
        assertTrue(Instant.parse(found.getString("createdAt")).isBefore(Instant.parse(found.getString("paidAt")).plusMillis(1)), found::toString);
        List<JsonObject> atT1 = expect(200, cashier.get("sales?date=" + day + "&terminalId=T1")).array().getValuesAs(JsonObject.class);
        assertTrue(atT1.stream().allMatch(s -> s.getString("terminalId").equals("T1")) && atT1.stream().anyMatch(s -> s.getString("id").equals(newer.getString("id"))));
        assertTrue(expect(200, cashier.get("sales?date=" + day + "&terminalId=T2")).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(s -> s.getString("id").equals(newer.getString("id"))));
        assertEquals(0, expect(200, cashier.get("sales?date=2001-01-01")).array().size());
        assertProblem(400, "invalid-request", cashier.get("sales?date=2026-13-01"));
        assertProblem(400, "invalid-request", cashier.get("sales?date=yesterday"));
        assertProblem(400, "invalid-request", cashier.get("sales?date=" + day + "&slip=" + newer.getString("slipCode")));
    }

    @Test
    void aReprintIsMarkedCopyAndAudited() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidSale(cashier);
        String saleId = sale.getString("id");
        Answer original = expect(200, cashier.getPage("sales/" + saleId + "/slip"));
        assertFalse(original.body().contains("副本"), "the first print is no copy");
        assertEquals(0, count("select count(*) from audit_entry where event = 'SLIP_REPRINTED' and sale_id = ?", saleId));
        assertEquals(1, count("select count(*) from slip_first_print where sale_id = ? and not as_copy and printed_by = 'C001' and terminal_id = 'T1'",
                saleId), "the store knows the original was printed");
        Answer copy = expect(200, cashier.getPage("sales/" + saleId + "/slip?copy=true"));
        assertTrue(copy.contentType().startsWith("text/html"), copy.contentType());
        assertTrue(copy.body().contains("副本 COPY") && copy.body().contains(sale.getString("slipCode")) && copy.body().contains("收款专用章"), copy.body());
        assertEquals(1, count("select count(*) from audit_entry where event = 'SLIP_REPRINTED' and sale_id = ? and requested_by = 'C001' "
                + "and terminal_id = 'T1' and subject = ?", saleId, sale.getString("slipCode")));
        // printed again without asking for a copy (another page, another counter): a copy all the same, audited
        Answer again = expect(200, shop().login("C001", "2468", "T2").getPage("sales/" + saleId + "/slip"));
        assertTrue(again.body().contains("副本 COPY"), again.body());
        assertEquals(1, count("select count(*) from audit_entry where event = 'SLIP_REPRINTED' and sale_id = ? and terminal_id = 'T2'", saleId));
        // a copy asked for at the first print is a copy
        String other = paidSale(cashier).getString("id");
        assertTrue(expect(200, cashier.getPage("sales/" + other + "/slip?copy=true")).body().contains("副本 COPY"));
        assertEquals(1, count("select count(*) from audit_entry where event = 'SLIP_REPRINTED' and sale_id = ?", other));
        assertProblem(409, "sale-state", cashier.getPage("sales/" + confirmedSale(cashier, RICE_COOKER, "1") + "/slip?copy=true"));
        // a sale completed before its slip was ever printed (its row can no longer change): the first print is the original all the same
        JsonObject completed = paidSale(cashier);
        String completedId = completed.getString("id");
        expect(200, cashier.post("sales/" + completedId + "/complete"));
        assertFalse(expect(200, cashier.getPage("sales/" + completedId + "/slip")).body().contains("副本"), "the original, after completing");
        assertTrue(expect(200, cashier.getPage("sales/" + completedId + "/slip")).body().contains("副本 COPY"), "then copies");
        assertEquals(1, count("select count(*) from audit_entry where event = 'SLIP_REPRINTED' and sale_id = ?", completedId));
    }

    // --- terminals that sell while the store is away ---------------------------------------------------------

    /** E00008: 电饭煲 美的 MB-FZ3086, 459.00; no other test sells it. */
    private static final String PRICED_COOKER = "6910384000081";

    private static String pricedDocument(String saleId, Instant createdAt, String unitPrice, String paid) {
        return "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\",\"createdAt\":\"" + createdAt + "\",\"lines\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"barcode\":\"" + PRICED_COOKER + "\",\"quantity\":\"1\",\"unitPrice\":\"" + unitPrice + "\"}],\"payments\":["
                + cash(paid, "[{\"denomination\":\"100\",\"count\":5}]") + "]}";
    }

    @Test
    void aDocumentIsHeldToThePriceOfTheTimeItWasMade() throws SQLException {
        JsonHttp cashier = shop().cashier();
        String before = expect(200, cashier.get("products/E00008")).json().getString("price");
        assertEquals("459.00", before);
        // after the product came into the catalog (the deployment's import), before its price changes
        Instant madeBeforeTheChange = Instant.now();
        try {
            Shop.execute("update product set price = 469.00 where sku = 'E00008'");
            assertEquals("469.00", expect(200, cashier.get("products/E00008")).json().getString("price"), "the counter sells at today's price");
            assertEquals(1, count("select count(*) from product_price where sku = 'E00008' and price = 469.00"), "the change is in the history");

            // made offline before the change at the price of then: no override, no approval
            String offline = UUID.randomUUID().toString();
            JsonObject sale = expect(201, cashier.post("sales/documents", pricedDocument(offline, madeBeforeTheChange, "459.00", "459.00"))).json();
            assertEquals("459.00", sale.getString("total"));
            assertEquals(0, count("select count(*) from audit_entry where event = 'PRICE_OVERRIDE' and sale_id = ?", offline));
            assertEquals(1, count("select count(*) from sale_line where sale_id = ? and list_price = 459.00", offline),
                    "the line's list price is the one of its time");

            // made after the change at the old price: an override as ever
            String late = UUID.randomUUID().toString();
            assertProblem(403, "approval-required", cashier.post("sales/documents", pricedDocument(late, Instant.now(), "459.00", "459.00")));
            assertEquals(0, count("select count(*) from sale where id = ?", late));
            expect(201, cashier.post("sales/documents", pricedDocument(late, Instant.now(), "469.00", "469.00")));
        } finally {
            Shop.execute("update product set price = 459.00 where sku = 'E00008'");
        }
    }

    @Test
    void aTerminalFetchesOnlyTheProductsChangedSinceItsVersion() throws SQLException {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject all = expect(200, cashier.get("catalog/changes")).json();
        long version = all.getJsonNumber("version").longValueExact();
        List<JsonObject> products = all.getJsonArray("products").getValuesAs(JsonObject.class);
        assertEquals(count("select count(*) from product"), products.size(), "since 0: the whole catalog");
        long last = 0;
        for (JsonObject product : products) {
            long v = product.getJsonNumber("version").longValueExact();
            assertTrue(v > last && v <= version, "in version order, none after the catalog's: " + product);
            last = v;
        }
        JsonObject cooker = products.stream().filter(p -> p.getString("sku").equals("E00013")).findFirst().orElseThrow();
        assertEquals("539.00", cooker.getString("price"));
        assertEquals(expect(200, cashier.get("products/E00013")).json().getString("name"), cooker.getString("name"), "as the counter shows it");
        assertTrue(cooker.getBoolean("active"));
        assertEquals(version, expect(200, shop.api().get("status")).json().getJsonNumber("catalogVersion").longValueExact());

        try {
            Shop.execute("update product set price = 549.00 where sku = 'E00013'");
            JsonObject changed = expect(200, cashier.get("catalog/changes?since=" + version)).json();
            List<JsonObject> delta = changed.getJsonArray("products").getValuesAs(JsonObject.class);
            assertEquals(List.of("E00013"), delta.stream().map(p -> p.getString("sku")).toList(), "exactly the changed product");
            assertEquals("549.00", delta.get(0).getString("price"));
            long now = changed.getJsonNumber("version").longValueExact();
            assertEquals(now, delta.get(0).getJsonNumber("version").longValueExact());
            assertTrue(now > version);
            assertEquals(0, expect(200, cashier.get("catalog/changes?since=" + now)).json().getJsonArray("products").size(), "nothing since");
            assertEquals(now, expect(200, shop.api().get("status")).json().getJsonNumber("catalogVersion").longValueExact());
        } finally {
            Shop.execute("update product set price = 539.00 where sku = 'E00013'");
        }
        assertProblem(400, "invalid-request", cashier.get("catalog/changes?since=-1"));
        assertProblem(400, "invalid-request", cashier.get("catalog/changes?since=yesterday"));
        assertProblem(401, "not-authenticated", shop.api().get("catalog/changes?since=0"));
    }

    @Test
    void aTerminalEnrolsItsKeyOnceAndOnlyAManagerReplacesIt() throws Exception {
        Shop shop = shop();
        SigningTerminal terminal = SigningTerminal.enrolledAtTheStore(base);
        String path = "terminals/" + terminal.id() + "/key";
        String key = "{\"publicKey\":\"" + terminal.publicKey() + "\"}";
        JsonHttp elsewhere = shop.cashier();
        assertProblem(403, "forbidden", elsewhere.put(path, key), "a first key comes from the terminal itself");

        JsonHttp cashierThere = shop.login("C001", "2468", terminal.id());
        JsonObject enrolled = expect(201, cashierThere.put(path, key)).json();
        assertEquals(terminal.id(), enrolled.getString("terminalId"));
        assertTrue(enrolled.getBoolean("enrolled"));
        assertEquals("C001", enrolled.getString("enrolledBy"));
        assertEquals(enrolled, expect(200, cashierThere.put(path, key)).json(), "the same key again changes nothing");

        String otherKey = "{\"publicKey\":\"" + Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()) + "\"}";
        assertProblem(403, "forbidden", cashierThere.put(path, otherKey), "a cashier does not replace a key");
        JsonObject replaced = expect(200, shop.manager().put(path, otherKey)).json();
        assertEquals("M001", replaced.getString("enrolledBy"));
        assertEquals(1, count("select count(*) from audit_entry where event = 'TERMINAL_ENROLLED' and subject = ? and requested_by = 'C001'",
                terminal.id()));
        assertEquals(1, count("select count(*) from audit_entry where event = 'TERMINAL_KEY_REPLACED' and subject = ? and requested_by = 'M001'",
                terminal.id()));

        String rsa = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        assertProblem(422, "invalid-terminal-key", cashierThere.put(path, "{\"publicKey\":\"" + rsa + "\"}"));
        assertProblem(422, "invalid-terminal-key", cashierThere.put(path, "{\"publicKey\":\"AAAA\"}"));
        assertProblem(422, "invalid-terminal-key", cashierThere.put(path, "{\"publicKey\":\"not a key!\"}"), "not even base64");
        assertProblem(400, "invalid-request", cashierThere.put(path, "{}"));

        List<JsonObject> terminals = expect(200, shop.manager().get("terminals")).array().getValuesAs(JsonObject.class);
        assertTrue(terminals.stream().anyMatch(t -> t.getString("terminalId").equals(terminal.id()) && t.getBoolean("enrolled")), terminals::toString);
        assertProblem(403, "forbidden", cashierThere.get("terminals"));
    }

    private static String signedDocument(String saleId, String terminalId, String cashierCode) {
        String cashier = cashierCode == null ? "" : "\"cashierCode\":\"" + cashierCode + "\",";
        return "{\"id\":\"" + saleId + "\",\"terminalId\":\"" + terminalId + "\"," + cashier + "\"createdAt\":\"" + Instant.now().minusSeconds(60)
                + "\",\"lines\":[{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + RICE_COOKER + "\",\"quantity\":\"1\"}],\"payments\":["
                + cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]") + "]}";
    }

    @Test
    void aTerminalSignsTheSalesItMadeOfflineAndTheStoreRecordsWhoMadeThem() throws Exception {
        Shop shop = shop();
        SigningTerminal terminal = SigningTerminal.enrolledAtTheStore(base);
        JsonHttp cashierThere = shop.login("C001", "2468", terminal.id());
        Shop.ensureOpenShift(cashierThere, terminal.id());
        terminal.enrolledBy(cashierThere);

        String saleId = UUID.randomUUID().toString();
        String body = signedDocument(saleId, terminal.id(), "M001");
        JsonObject first = expect(201, terminal.post("sales/documents", body)).json();
        assertEquals("M001", first.getString("cashier"), "the cashier the terminal attests, not who is logged in there");
        assertEquals("COMPLETED", first.getString("status"));
        assertEquals(first, expect(200, terminal.post("sales/documents", body)).json(), "a replay answers the sale recorded");
        assertEquals(1, count("select count(*) from sale where id = ? and cashier_code = 'M001'", saleId));
        assertEquals(1, count("select count(*) from audit_entry where event = 'SALE_ATTESTED_BY_TERMINAL' and sale_id = ? and requested_by = 'M001' "
                + "and terminal_id = ?", saleId, terminal.id()));

        long sales = count("select count(*) from sale");
        String other = UUID.randomUUID().toString();
        PrivateKey stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        assertProblem(401, "not-authenticated", terminal.send("POST", "sales/documents", signedDocument(other, terminal.id(), "C001"),
                Instant.now().toString(), stranger), "signed with another key");
        assertProblem(401, "not-authenticated", terminal.send("POST", "sales/documents", signedDocument(other, terminal.id(), "C001"),
                Instant.now().minus(11, ChronoUnit.MINUTES).toString(), terminal.privateKey()), "signed too long ago");
        assertProblem(401, "not-authenticated", terminal.send("POST", "sales/documents", signedDocument(other, terminal.id(), "C001"),
                "yesterday", terminal.privateKey()), "a timestamp that is no instant");
        assertProblem(401, "not-authenticated", SigningTerminal.enrolledAtTheStore(base).post("sales/documents",
                signedDocument(other, terminal.id(), "C001")), "a terminal without a key");
        assertProblem(422, "document-incomplete", terminal.post("sales/documents", signedDocument(other, terminal.id(), null)),
                "the terminal names who made the sale");
        assertProblem(422, "unknown-cashier", terminal.post("sales/documents", signedDocument(other, terminal.id(), "C404")));
        assertProblem(422, "unknown-cashier", terminal.post("sales/documents", signedDocument(other, terminal.id(), "A001")),
                "a sales associate takes no payments");
        assertProblem(403, "forbidden", terminal.post("sales/documents", signedDocument(saleId, "T1", "C001")), "only its own sales");
        assertEquals(sales, count("select count(*) from sale"), "nothing recorded");

        // a signature opens only the calls an offline terminal needs
        assertProblem(403, "forbidden", terminal.get("products?q=" + java.net.URLEncoder.encode("电饭煲", java.nio.charset.StandardCharsets.UTF_8)));
        assertProblem(403, "forbidden", terminal.get("sales/" + saleId));
        assertProblem(403, "forbidden", terminal.put("terminals/" + terminal.id() + "/key", "{\"publicKey\":\"" + terminal.publicKey() + "\"}"));
        assertProblem(403, "forbidden", terminal.put("terminals/T1/state", "{\"pendingDocuments\":0}"), "only its own state");
        JsonObject changes = expect(200, terminal.get("catalog/changes?since=0")).json();
        assertEquals(count("select count(*) from product"), changes.getJsonArray("products").size());
        // and a session token works as ever beside it
        expect(200, cashierThere.get("sales/" + saleId));

        // a terminal retired at the store (here behind the application's back, in SQL) is refused at its very next request
        String state = "terminals/" + terminal.id() + "/state";
        expect(200, terminal.put(state, "{\"pendingDocuments\":0}"));
        Shop.execute("update terminal set active = false where id = ?", terminal.id());
        assertProblem(401, "not-authenticated", terminal.put(state, "{\"pendingDocuments\":0}"), "a retired terminal");
        assertProblem(401, "not-authenticated", terminal.post("sales/documents", signedDocument(other, terminal.id(), "C001")), "a retired terminal");
        Shop.execute("update terminal set active = true where id = ?", terminal.id());
        expect(200, terminal.put(state, "{\"pendingDocuments\":0}"));
    }

    @Test
    void aShiftDoesNotCloseWhileItsTerminalHoldsUnsentSales() throws Exception {
        Shop shop = shop();
        SigningTerminal terminal = SigningTerminal.enrolledAtTheStore(base);
        JsonHttp cashierThere = shop.login("C001", "2468", terminal.id());
        terminal.enrolledBy(cashierThere);
        Shop.ensureOpenShift(cashierThere, terminal.id());
        String shiftId = expect(200, cashierThere.get("shifts?status=OPEN&terminalId=" + terminal.id())).array().getJsonObject(0).getString("id");
        String retired = "R" + UUID.randomUUID().toString().substring(0, 6);
        Shop.execute("insert into staff (code, name, roles, pin_hash, active, created_at) select ?, '离职', 'CASHIER', pin_hash, false, utc_timestamp(6) "
                + "from staff where code = 'C001'", retired);

        JsonObject state = expect(200, terminal.put("terminals/" + terminal.id() + "/state", "{\"pendingDocuments\":2}")).json();
        assertEquals(terminal.id(), state.getString("terminalId"));
        List<String> staff = state.getJsonArray("activeStaff").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        assertTrue(staff.containsAll(List.of("C001", "A001", "M001")), staff::toString);
        assertFalse(staff.contains(retired), "a disabled member logs in nowhere");
        assertEquals(expect(200, shop.api().get("status")).json().getJsonNumber("catalogVersion").longValueExact(),
                state.getJsonNumber("catalogVersion").longValueExact());
        assertEquals(1, count("select count(*) from terminal_key where terminal_id = ? and pending_documents = 2 and reported_at is not null", terminal.id()));

        String close = "{\"counted\":[{\"denomination\":\"100\",\"count\":5}]}";
        Answer refused = cashierThere.post("shifts/" + shiftId + "/close", close);
        assertProblem(409, "unsynced-sales", refused);
        assertEquals("Sales not yet sent", refused.json().getString("title"));
        assertTrue(refused.json().getString("detail").contains("2 sales"), refused::toString);
        assertEquals(2, refused.json().getInt("pendingDocuments"));

        assertProblem(400, "invalid-request", cashierThere.put("terminals/" + terminal.id() + "/state", "{\"pendingDocuments\":-1}"));
        assertProblem(403, "forbidden", shop.cashier().put("terminals/" + terminal.id() + "/state", "{\"pendingDocuments\":0}"),
                "staff report only the terminal they are at");
        expect(200, cashierThere.put("terminals/" + terminal.id() + "/state", "{\"pendingDocuments\":0}"));
        JsonObject closed = expect(200, cashierThere.post("shifts/" + shiftId + "/close", close)).json();
        assertEquals("NONE", closed.getString("errorLevel"));

        JsonObject listed = expect(200, shop.manager().get("terminals")).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("terminalId").equals(terminal.id())).findFirst().orElseThrow();
        assertEquals(0, listed.getInt("pendingDocuments"));
        assertTrue(listed.containsKey("reportedAt") && listed.containsKey("enrolledAt"), listed::toString);
    }
}
