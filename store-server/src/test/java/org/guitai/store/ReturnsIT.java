package org.guitai.store;

import static org.guitai.store.Shop.BIG_RICE_COOKER;
import static org.guitai.store.Shop.RICE_COOKER;
import static org.guitai.store.Shop.addLine;
import static org.guitai.store.Shop.assertProblem;
import static org.guitai.store.Shop.check;
import static org.guitai.store.Shop.count;
import static org.guitai.store.Shop.expect;
import static org.guitai.store.Shop.openSale;
import static org.guitai.store.Shop.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Every rule of returns over HTTP, on Payara Micro against MariaDB: what may come back (also under
 * concurrent returns), the reasons and the change-of-mind window, one or two managers' approvals,
 * receiving the goods once, refunds to the original tenders in order and to the fen, the deadline
 * flag, the event for HQ, the reports, and repeated requests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReturnsIT {

    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");
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
        hq.learn("ReturnCompleted");
        Shop.execute("update stock set on_hand = 10000 where sku in ('E00001', 'E00002')");
        // a second store manager, with M001's PIN: a large return needs two different managers
        Shop.execute("insert ignore into staff (code, name, roles, pin_hash, active, created_at) "
                + "select 'M002', '刘洋', roles, pin_hash, true, created_at from staff where code = 'M001'");
    }

    @AfterAll
    static void stopHq() {
        hq.close();
    }

    private Shop shop() {
        return new Shop(base);
    }

    // --- the whole way, once -------------------------------------------------------------------------

    @Test
    void aReturnIsRequestedApprovedReceivedAndRefundedInCashOutOfTheDrawerEachStepOnce() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "1", "279.00", "[{\"denomination\":\"100\",\"count\":3}]");
        String lineId = lineOf(sale);
        String shiftId = sale.getString("shiftId");
        BigDecimal stockBefore = stock("E00002");

        String returnId = UUID.randomUUID().toString();
        String body = returnBody(returnId, "\"slipNumber\":\"" + sale.getString("slipCode") + "\"", lineId, "1", "QUALITY", null);
        JsonObject requested = expect(201, cashier.post("returns", body)).json();
        assertEquals("REQUESTED", requested.getString("status"));
        assertTrue(requested.getString("number").matches("R\\d{6}"), requested::toString);
        assertEquals(sale.getString("slipCode"), requested.getString("slipNumber"));
        assertEquals(List.of("279.00", "0.00", "279.00", "CNY"), List.of(requested.getString("amount"), requested.getString("refunded"),
                requested.getString("due"), requested.getString("currency")));
        assertEquals(1, requested.getInt("approvalsNeeded"));
        assertEquals("CASH", requested.getJsonArray("refundPlan").getJsonObject(0).getString("tender"));
        assertEquals("279.00", requested.getJsonArray("refundPlan").getJsonObject(0).getString("amount"));
        JsonObject again = expect(201, cashier.post("returns", body)).json();
        assertEquals(List.of(returnId, requested.getString("number")), List.of(again.getString("id"), again.getString("number")), "a repeat is the first return");
        assertEquals(1, count("select count(*) from sale_return where sale_id = ?", sale.getString("id")));
        JsonObject otherSale = paidByCard(cashier, BIG_RICE_COOKER, "1", "639.00");
        assertProblem(409, "id-conflict", cashier.post("returns", returnBody(returnId, saleRef(otherSale), lineOf(otherSale), "1", "QUALITY", null)),
                "a return's id reused for another sale");

        assertProblem(409, "return-state", cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK")), "not approved yet");
        String approval = returnApproval(cashier, "M001", returnId);
        JsonObject approved = expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + approval + "\"}")).json();
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals("M001", approved.getJsonArray("approvals").getJsonObject(0).getString("managerCode"));
        assertEquals("APPROVED", expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + approval + "\"}")).json()
                .getString("status"), "the same approval again answers the return");

        assertProblem(409, "return-state", refundCash(cashier, returnId, UUID.randomUUID().toString(), "279.00", "[{\"denomination\":\"100\",\"count\":2},"
                + "{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"20\",\"count\":1},{\"denomination\":\"5\",\"count\":1},"
                + "{\"denomination\":\"1\",\"count\":4}]"), "not received yet");
        JsonObject received = expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK"))).json();
        assertEquals("RECEIVED", received.getString("status"));
        assertEquals("RESTOCK", received.getJsonArray("lines").getJsonObject(0).getString("disposition"));
        assertNotNull(received.getString("refundDeadline"));
        assertFalse(received.getBoolean("overdue"));
        assertEquals(0, stockBefore.add(BigDecimal.ONE).compareTo(stock("E00002")), "restocked once");
        expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK")));
        assertEquals(0, stockBefore.add(BigDecimal.ONE).compareTo(stock("E00002")), "a repeated receive changes nothing");

        JsonObject before = expect(200, cashier.get("shifts/" + shiftId + "/report")).json();
        assertProblem(422, "refund-count-mismatch", refundCash(cashier, returnId, UUID.randomUUID().toString(), "279.00",
                "[{\"denomination\":\"100\",\"count\":3}]"));
        String refundId = UUID.randomUUID().toString();
        String pieces = "[{\"denomination\":\"100\",\"count\":2},{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"20\",\"count\":1},"
                + "{\"denomination\":\"5\",\"count\":1},{\"denomination\":\"1\",\"count\":4}]";
        JsonObject refunded = expect(200, refundCash(cashier, returnId, refundId, "279.00", pieces)).json();
        assertEquals("REFUNDED", refunded.getString("status"));
        assertEquals(List.of("279.00", "0.00"), List.of(refunded.getString("refunded"), refunded.getString("due")));
        assertTrue(refunded.getJsonArray("refundPlan").isEmpty());
        assertEquals(shiftId, refunded.getJsonArray("refunds").getJsonObject(0).getString("shiftId"));
        expect(200, refundCash(cashier, returnId, refundId, "279.00", pieces));
        assertEquals(1, count("select count(*) from return_refund where return_id = ?", returnId), "a repeated refund is the first one");

        JsonObject after = expect(200, cashier.get("shifts/" + shiftId + "/report")).json();
        assertEquals(0, new BigDecimal(before.getString("cashRefunds")).add(new BigDecimal("279.00")).compareTo(new BigDecimal(after.getString("cashRefunds"))));
        assertEquals(0, new BigDecimal(before.getString("expectedCash")).subtract(new BigDecimal("279.00")).compareTo(new BigDecimal(after.getString("expectedCash"))),
                "cash refunds reduce the cash the drawer should hold");
        JsonObject cashLine = after.getJsonArray("byTender").getValuesAs(JsonObject.class).stream().filter(t -> t.getString("tender").equals("CASH"))
                .findFirst().orElseThrow();
        assertEquals(after.getString("cashRefunds"), cashLine.getString("refunds"), "the X report shows refunds by tender");

        // the event for HQ, once, in the refund's transaction, readable by the outbox (delivered to the stand-in HQ)
        List<java.util.Map<String, Object>> events = rows("select id, payload from outbox_event where type = 'ReturnCompleted' and payload like ?",
                "%" + returnId + "%");
        assertEquals(1, events.size());
        String eventId = (String) events.get(0).get("id");
        Eventually.until(Duration.ofSeconds(30), "the ReturnCompleted event delivered", () -> hq.receiptsOf(eventId).stream()
                .anyMatch(r -> r.answer().equals("accepted")));
        JsonObject event = Json.createReader(new java.io.StringReader((String) events.get(0).get("payload"))).readObject().getJsonObject("returnCompleted");
        assertEquals(List.of("QUALITY", "279.00", "C001"), List.of(event.getString("reason"), event.getString("refunded"), event.getString("creditedStaff")));

        // the daily report: returns refunded in full, and the refunds by tender
        JsonObject daily = expect(200, shop.manager().get("reports/daily?date=" + LocalDate.now(STORE_ZONE))).json();
        assertTrue(daily.getJsonObject("returns").getInt("count") >= 1, daily::toString);
        assertTrue(new BigDecimal(daily.getString("refunded")).compareTo(new BigDecimal("279.00")) >= 0, daily::toString);
        assertTrue(daily.getJsonArray("refundsByTender").getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("tender").equals("CASH")),
                daily::toString);

        List<String> audited = rows("select event from audit_entry where sale_id = ? order by seq", sale.getString("id")).stream()
                .map(r -> (String) r.get("event")).toList();
        assertTrue(audited.containsAll(List.of("RETURN_REQUESTED", "RETURN_APPROVED", "RETURN_RECEIVED", "RETURN_REFUNDED")), audited::toString);
    }

    // --- what may come back --------------------------------------------------------------------------

    @Test
    void noLineComesBackMoreTimesThanItWasSold() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "2", "558.00", "[{\"denomination\":\"100\",\"count\":6}]");
        String lineId = lineOf(sale);
        assertProblem(409, "over-return", cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "3", "QUALITY", null)));
        expect(201, cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "2", "QUALITY", null)));
        Answer refused = cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null));
        assertProblem(409, "over-return", refused);
        assertEquals("0", refused.json().getString("returnable"));
        JsonObject returnable = expect(200, cashier.get("returns/returnable?saleId=" + sale.getString("id"))).json();
        JsonObject line = returnable.getJsonArray("lines").getJsonObject(0);
        assertEquals(List.of("2", "2", "0", "0.00"), List.of(line.getString("quantity"), line.getString("returned"), line.getString("returnable"),
                line.getString("refundable")));
        assertEquals(1, count("select count(*) from sale_return where sale_id = ?", sale.getString("id")));
        assertProblem(404, "sale-not-found", cashier.get("returns/returnable?slipNumber=S001-99999999"));
        String open = openSale(cashier);
        assertProblem(409, "sale-not-returnable", cashier.get("returns/returnable?saleId=" + open));
    }

    @Test
    void twoCountersReturningTheLastUnitAtOnceGetOneWinner() throws Exception {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonHttp other = shop.login("M001", "1357", "T2");
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "1", "279.00", "[{\"denomination\":\"100\",\"count\":3}]");
        String lineId = lineOf(sale);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService counters = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Answer>> both = List.of(
                    () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null));
                    },
                    () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return other.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null));
                    });
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : counters.invokeAll(both)) {
                answers.add(answer.get());
            }
            List<Integer> statuses = new ArrayList<>(answers.stream().map(Answer::status).toList());
            Collections.sort(statuses);
            assertEquals(List.of(201, 409), statuses, answers::toString);
            assertProblem(409, "over-return", answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow());
        } finally {
            counters.shutdown();
        }
        assertEquals(1, count("select count(*) from return_line l join sale_return r on r.id = l.return_id where r.sale_id = ?", sale.getString("id")));
    }

    @Test
    void aWriteOffDoesNotRestockAndEveryLineIsReceivedWhole() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "2", "558.00", "[{\"denomination\":\"100\",\"count\":6}]");
        String lineId = lineOf(sale);
        // sold at T1, taken back at T2: a return is taken at any counter of the store
        JsonHttp otherCounter = shop.login("M001", "1357", "T2");
        String returnId = approvedReturn(otherCounter, sale, lineId, "2", "QUALITY", null);
        assertEquals("T2", expect(200, otherCounter.get("returns/" + returnId)).json().getString("terminalId"));
        BigDecimal stockBefore = stock("E00002");
        assertProblem(422, "receive-mismatch", otherCounter.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "WRITE_OFF")));
        JsonObject received = expect(200, otherCounter.post("returns/" + returnId + "/receive", receiveBody(lineId, "2", "WRITE_OFF"))).json();
        assertEquals("WRITE_OFF", received.getJsonArray("lines").getJsonObject(0).getString("disposition"));
        assertEquals(0, stockBefore.compareTo(stock("E00002")), "written off: the stock does not change");
    }

    // --- reasons -------------------------------------------------------------------------------------

    @Test
    void aChangeOfMindIsTakenOnlyWithinTheStoresWindow() throws SQLException {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "2", "558.00", "[{\"denomination\":\"100\",\"count\":6}]");
        String lineId = lineOf(sale);
        LocalDate today = LocalDate.now(STORE_ZONE);
        // a paid sale's row may still change (a completed one may not): the sale is made a week old, the last day of the window
        Shop.execute("update sale set business_date = ? where id = ?", today.minusDays(7), sale.getString("id"));
        JsonObject returnable = expect(200, cashier.get("returns/returnable?saleId=" + sale.getString("id"))).json();
        assertEquals(today.toString(), returnable.getString("changeOfMindUntil"));
        expect(201, cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "CHANGE_OF_MIND", null)));
        Shop.execute("update sale set business_date = ? where id = ?", today.minusDays(8), sale.getString("id"));
        Answer late = cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "CHANGE_OF_MIND", null));
        assertProblem(422, "change-of-mind-window-passed", late);
        assertEquals(today.minusDays(1).toString(), late.json().getString("changeOfMindUntil"));
        JsonObject quality = expect(201, cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null))).json();
        assertEquals("QUALITY", quality.getString("reason"), "a quality problem is taken after the window");
    }

    @Test
    void aStaffErrorIsAttributedToAnExistingStaffMember() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "1", "279.00", "[{\"denomination\":\"100\",\"count\":3}]");
        String lineId = lineOf(sale);
        assertProblem(422, "responsible-staff-required", cashier.post("returns",
                returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "STAFF_ERROR", null)));
        assertProblem(422, "unknown-staff", cashier.post("returns",
                returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "STAFF_ERROR", "X999")));
        JsonObject attributed = expect(201, cashier.post("returns",
                returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "STAFF_ERROR", "A001"))).json();
        assertEquals(List.of("STAFF_ERROR", "A001"), List.of(attributed.getString("reason"), attributed.getString("responsibleStaff")));
    }

    // --- approvals -----------------------------------------------------------------------------------

    @Test
    void aLargeReturnNeedsTwoDifferentManagersAndAnApprovalIsBoundToItsReturn() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        JsonObject sale = paidByCard(cashier, BIG_RICE_COOKER, "2", "1278.00");
        String lineId = lineOf(sale);
        String returnId = UUID.randomUUID().toString();
        JsonObject requested = expect(201, cashier.post("returns", returnBody(returnId, saleRef(sale), lineId, "2", "QUALITY", null))).json();
        assertEquals(2, requested.getInt("approvalsNeeded"), "1278.00 is above the store's 1000.00");

        String otherReturn = UUID.randomUUID().toString();
        JsonObject otherSale = paidInCash(cashier, RICE_COOKER, "1", "279.00", "[{\"denomination\":\"100\",\"count\":3}]");
        expect(201, cashier.post("returns", returnBody(otherReturn, saleRef(otherSale), lineOf(otherSale), "1", "QUALITY", null)));
        String forOther = returnApproval(cashier, "M001", otherReturn);
        assertProblem(403, "approval-required", cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + forOther + "\"}"),
                "an approval of another return");

        JsonObject first = expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + returnApproval(cashier, "M001", returnId)
                + "\"}")).json();
        assertEquals("REQUESTED", first.getString("status"), "one manager of two");
        assertEquals(1, first.getJsonArray("approvals").size());
        String sameAgain = returnApproval(cashier, "M001", returnId);
        assertProblem(409, "second-approval-same-manager", cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + sameAgain + "\"}"));
        assertEquals(1, count("select count(*) from approval where id = ? and used_at is null", sameAgain), "a refused approval stays unused");
        JsonObject second = expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + returnApproval(cashier, "M002", returnId)
                + "\"}")).json();
        assertEquals("APPROVED", second.getString("status"));
        assertEquals(List.of("M001", "M002"), second.getJsonArray("approvals").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("managerCode")).toList());

        // the card is reversed against its authorisation, with the reversal's reference
        expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "2", "RESTOCK")));
        assertProblem(422, "reversal-reference-required", cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"1278.00\"}"));
        JsonObject refunded = expect(200, cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"1278.00\",\"reversalReference\":\"REV-778899\"}")).json();
        assertEquals("REFUNDED", refunded.getString("status"));
        assertEquals("REV-778899", refunded.getJsonArray("refunds").getJsonObject(0).getString("reference"));
        assertEquals(1, count("select count(*) from return_refund f join payment p on p.id = f.payment_id where f.return_id = ? and p.tender = 'CARD'",
                returnId), "against the original card payment");
    }

    @Test
    void anApprovalIsGivenOnlyForAReturnThatWaitsForOne() {
        JsonHttp cashier = shop().cashier();
        String unknown = UUID.randomUUID().toString();
        long approvalsBefore = count("select count(*) from approval where return_id = ?", unknown);
        assertProblem(404, "return-not-found", cashier.post("approvals", "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"RETURN\",\"returnId\":\""
                + unknown + "\"}"), "no such return (yet)");
        assertEquals(approvalsBefore, count("select count(*) from approval where return_id = ?", unknown), "no approval given");

        JsonObject sale = paidInCash(cashier, RICE_COOKER, "2", "558.00", "[{\"denomination\":\"100\",\"count\":6}]");
        String returnId = UUID.randomUUID().toString();
        JsonObject requested = expect(201, cashier.post("returns", returnBody(returnId, saleRef(sale), lineOf(sale), "1", "QUALITY", null))).json();
        String approvalId = returnApproval(cashier, "M001", returnId);
        String detail = (String) rows("select detail from audit_entry where event = 'APPROVAL_GRANTED' and detail like ?", "%" + approvalId + "%")
                .get(0).get("detail");
        assertTrue(detail.contains(requested.getString("number")) && detail.contains("279.00"), () -> "the audit names the return: " + detail);
        expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + approvalId + "\"}"));
        Answer approved = cashier.post("approvals", "{\"staffCode\":\"M002\",\"pin\":\"1357\",\"action\":\"RETURN\",\"returnId\":\"" + returnId + "\"}");
        assertProblem(409, "return-state", approved, "approved already");
        assertEquals("APPROVED", approved.json().getString("state"));

        String cancelledId = UUID.randomUUID().toString();
        expect(201, cashier.post("returns", returnBody(cancelledId, saleRef(sale), lineOf(sale), "1", "QUALITY", null)));
        expect(200, cashier.post("returns/" + cancelledId + "/cancel", "{\"reason\":\"customer kept it\"}"));
        assertProblem(409, "return-state", cashier.post("approvals", "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"RETURN\",\"returnId\":\""
                + cancelledId + "\"}"), "cancelled");
        assertEquals(0, count("select count(*) from approval where return_id = ?", cancelledId));
    }

    // --- cancelling ----------------------------------------------------------------------------------

    @Test
    void aReturnNotYetReceivedIsCancelledOnceAndItsUnitsCanComeBackAgain() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "1", "279.00", "[{\"denomination\":\"100\",\"count\":3}]");
        String lineId = lineOf(sale);
        String requested = UUID.randomUUID().toString();
        expect(201, cashier.post("returns", returnBody(requested, saleRef(sale), lineId, "1", "QUALITY", null)));
        assertProblem(409, "over-return", cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null)),
                "the unit is held by the requested return");
        assertProblem(400, "invalid-request", cashier.post("returns/" + requested + "/cancel", "{\"reason\":\"  \"}"), "a cancel says why");
        assertProblem(404, "return-not-found", cashier.post("returns/" + UUID.randomUUID() + "/cancel", "{\"reason\":\"wrong slip\"}"));

        JsonObject cancelled = expect(200, cashier.post("returns/" + requested + "/cancel", "{\"reason\":\"customer kept it\"}")).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals("customer kept it", cancelled.getString("cancelReason"));
        assertTrue(cancelled.getJsonArray("refundPlan").isEmpty(), "nothing to refund");
        JsonObject again = expect(200, cashier.post("returns/" + requested + "/cancel", "{\"reason\":\"customer kept it\"}")).json();
        assertEquals("CANCELLED", again.getString("status"), "a repeat answers the cancelled return");
        assertNotNull(again.getString("cancelledAt"));
        assertEquals(1, count("select count(*) from audit_entry where event = 'RETURN_CANCELLED' and sale_id = ?", sale.getString("id")), "audited once");
        assertEquals(1, expect(200, cashier.get("returns?status=CANCELLED")).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(requested)).count());
        assertFalse(expect(200, cashier.get("returns?status=REQUESTED")).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("id").equals(requested)), "no longer under way");

        // the unit is free again: returnable, and a new return of it is taken, approved, cancelled too
        JsonObject line = expect(200, cashier.get("returns/returnable?saleId=" + sale.getString("id"))).json().getJsonArray("lines").getJsonObject(0);
        assertEquals(List.of("0", "1", "279.00"), List.of(line.getString("returned"), line.getString("returnable"), line.getString("refundable")));
        String approved = approvedReturn(cashier, sale, lineId, "1", "QUALITY", null);
        assertEquals("CANCELLED", expect(200, cashier.post("returns/" + approved + "/cancel", "{\"reason\":\"wrong item brought\"}")).json()
                .getString("status"), "an approved return not received yet is cancelled too");

        // a received return is not cancelled: its goods are back
        String received = receivedReturn(cashier, sale, lineId, "QUALITY");
        Answer refused = cashier.post("returns/" + received + "/cancel", "{\"reason\":\"too late\"}");
        assertProblem(409, "return-state", refused);
        assertEquals("RECEIVED", refused.json().getString("state"));
        assertEquals("RECEIVED", expect(200, cashier.get("returns/" + received)).json().getString("status"));
        assertEquals(3, count("select count(*) from sale_return where sale_id = ?", sale.getString("id")));
    }

    @Test
    void aReusedIdWithAnotherBodyIsAConflictNotTheFirstAnswer() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidByCard(cashier, BIG_RICE_COOKER, "2", "1278.00");
        String lineId = lineOf(sale);
        String returnId = UUID.randomUUID().toString();
        expect(201, cashier.post("returns", returnBody(returnId, saleRef(sale), lineId, "1", "QUALITY", null)));
        assertProblem(409, "id-conflict", cashier.post("returns", returnBody(returnId, saleRef(sale), lineId, "2", "QUALITY", null)), "other quantity");
        assertProblem(409, "id-conflict", cashier.post("returns", returnBody(returnId, saleRef(sale), lineId, "1", "STAFF_ERROR", "C001")), "other reason");
        expect(201, cashier.post("returns", returnBody(returnId, saleRef(sale), lineId, "1.000", "QUALITY", null)));

        expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + returnApproval(cashier, "M001", returnId) + "\"}"));
        expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK")));
        String refundId = UUID.randomUUID().toString();
        String first = "{\"id\":\"" + refundId + "\",\"tender\":\"CARD\",\"amount\":\"100.00\",\"reversalReference\":\"REV-1\"}";
        assertEquals("PARTLY_REFUNDED", expect(200, cashier.post("returns/" + returnId + "/refund", first)).json().getString("status"));
        assertProblem(409, "id-conflict", cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + refundId + "\",\"tender\":\"CARD\",\"amount\":\"200.00\",\"reversalReference\":\"REV-1\"}"), "another amount");
        JsonObject repeated = expect(200, cashier.post("returns/" + returnId + "/refund", first)).json();
        assertEquals(List.of("100.00", "539.00"), List.of(repeated.getString("refunded"), repeated.getString("due")), "the first refund, once");
        assertEquals(1, count("select count(*) from return_refund where id = ?", refundId));
    }

    // --- refunds -------------------------------------------------------------------------------------

    @Test
    void aSplitTenderIsRefundedLastPaidFirstAndPartlyRefundedInBetween() {
        JsonHttp cashier = shop().cashier();
        String saleId = Shop.confirmedSale(cashier, RICE_COOKER, "1");
        expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"279.00\","
                + "\"amount\":\"100.00\",\"counted\":[{\"denomination\":\"100\",\"count\":1}]}"));
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CARD\",\"amount\":\"179.00\",\"authCode\":\"Z9Y8X7\",\"last4\":\"4242\",\"terminalReference\":\"R2\"}"))
                .json().getJsonObject("sale");
        String lineId = lineOf(sale);
        String returnId = approvedReturn(cashier, sale, lineId, "1", "QUALITY", null);
        JsonObject received = expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK"))).json();
        assertEquals(List.of("CARD:179.00", "CASH:100.00"), received.getJsonArray("refundPlan").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("tender") + ":" + s.getString("amount")).toList());

        Answer wrongOrder = refundCash(cashier, returnId, UUID.randomUUID().toString(), "100.00", "[{\"denomination\":\"100\",\"count\":1}]");
        assertProblem(409, "refund-order", wrongOrder);
        assertEquals("CARD", wrongOrder.json().getString("expectedTender"));
        assertProblem(422, "refund-too-much", cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"179.01\",\"reversalReference\":\"REV-1\"}"));
        JsonObject partly = expect(200, cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-2\"}")).json();
        assertEquals(List.of("PARTLY_REFUNDED", "179.00", "100.00"), List.of(partly.getString("status"), partly.getString("refunded"), partly.getString("due")));
        assertEquals("CASH", partly.getJsonArray("refundPlan").getJsonObject(0).getString("tender"));
        JsonObject done = expect(200, refundCash(cashier, returnId, UUID.randomUUID().toString(), "100.00", "[{\"denomination\":\"100\",\"count\":1}]")).json();
        assertEquals(List.of("REFUNDED", "279.00", "0.00"), List.of(done.getString("status"), done.getString("refunded"), done.getString("due")));
    }

    @Test
    void aCheckIsRefundedOnlyOnceItCleared() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = Shop.confirmedSale(cashier, RICE_COOKER, "1");
        String checkId = UUID.randomUUID().toString();
        JsonObject waiting = expect(201, cashier.post("sales/" + saleId + "/payments", check(checkId, "279.00", "55667788", "中国银行"))).json()
                .getJsonObject("sale");
        String lineId = lineOf(waiting);
        assertProblem(409, "check-not-cleared", cashier.get("returns/returnable?saleId=" + saleId));
        assertProblem(409, "check-not-cleared", cashier.post("returns",
                returnBody(UUID.randomUUID().toString(), "\"saleId\":\"" + saleId + "\"", lineId, "1", "QUALITY", null)));
        JsonObject sale = expect(200, shop.manager().post("sales/" + saleId + "/payments/" + checkId + "/clearance", "{\"outcome\":\"CLEARED\"}")).json();
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");
        JsonObject refunded = expect(200, cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CHECK\"}")).json();
        assertEquals("REFUNDED", refunded.getString("status"));
        assertEquals("279.00", refunded.getJsonArray("refunds").getJsonObject(0).getString("amount"));
    }

    @Test
    void aMobilePaymentIsRefundedThroughTheGatewayByItsTransactionId() {
        JsonHttp cashier = shop().cashier();
        String saleId = Shop.confirmedSale(cashier, RICE_COOKER, "1");
        JsonObject paid = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(UUID.randomUUID().toString(), "279.00", "WECHAT",
                Shop.wechatCode(1, false)))).json();
        JsonObject sale = paid.getJsonObject("sale");
        String lineId = lineOf(sale);
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");
        assertProblem(409, "refund-order", refundCash(cashier, returnId, UUID.randomUUID().toString(), "279.00", "[{\"denomination\":\"100\",\"count\":3}]"));
        JsonObject refunded = expect(200, cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"MOBILE\"}")).json();
        assertEquals("REFUNDED", refunded.getString("status"));
        assertTrue(refunded.getJsonArray("refunds").getJsonObject(0).getString("reference").startsWith("SIMRF"), refunded::toString);
        assertEquals(1, count("select count(*) from return_refund f join payment p on p.id = f.payment_id where f.return_id = ? "
                + "and p.tender = 'MOBILE' and p.transaction_id is not null", returnId));
    }

    /**
     * The provider refunded, then the store's transaction was lost (here: a trigger refuses to record the
     * refund, as a failed commit or a crash loses it): the request to the provider was committed on its
     * own first, so the cashier's next try, under a new refund id, asks again under its reference and
     * the provider answers its first refund instead of refunding the customer a second time (which it
     * would refuse: its refunds never exceed what it charged). Another amount waits until it is repeated.
     */
    @Test
    void aMobileRefundTheStoreLostIsNotRefundedAgainByTheProviderUnderANewRefundId() throws SQLException {
        JsonHttp cashier = shop().cashier();
        String saleId = Shop.confirmedSale(cashier, RICE_COOKER, "1");
        expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"279.00\","
                + "\"amount\":\"100.00\",\"counted\":[{\"denomination\":\"100\",\"count\":1}]}"));
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.mobile(UUID.randomUUID().toString(), "179.00", "WECHAT",
                Shop.wechatCode(1, false)))).json().getJsonObject("sale");
        String lineId = lineOf(sale);
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");

        Shop.execute("create trigger test_store_loses_the_refund before insert on return_refund for each row if new.return_id = '" + returnId
                + "' then signal sqlstate '45000' set message_text = 'the store lost this refund (test)'; end if");
        try {
            Answer lost = cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"MOBILE\"}");
            assertEquals(500, lost.status(), lost::toString);
        } finally {
            Shop.execute("drop trigger test_store_loses_the_refund");
        }
        JsonObject unchanged = expect(200, cashier.get("returns/" + returnId)).json();
        assertEquals(List.of("RECEIVED", "279.00"), List.of(unchanged.getString("status"), unchanged.getString("due")), "the store recorded nothing");
        assertProblem(409, "mobile-refund-pending", cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"MOBILE\",\"amount\":\"50.00\"}"), "the pending request is repeated for its amount, not another");

        JsonObject again = expect(200, cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"MOBILE\"}"))
                .json();
        assertEquals(List.of("PARTLY_REFUNDED", "100.00"), List.of(again.getString("status"), again.getString("due")),
                "the provider answered its first refund: the customer got the 179.00 back once");
        assertTrue(again.getJsonArray("refunds").getJsonObject(0).getString("reference").startsWith("SIMRF"), again::toString);
        assertEquals(1, count("select count(*) from provider_refund_request where return_id = ?", returnId), "one request to the provider");
        assertEquals(0, count("select count(*) from provider_refund_request where return_id = ? and settled_by is null", returnId), "settled");
        JsonObject done = expect(200, refundCash(cashier, returnId, UUID.randomUUID().toString(), "100.00", "[{\"denomination\":\"100\",\"count\":1}]"))
                .json();
        assertEquals("REFUNDED", done.getString("status"));
    }

    @Test
    void returnsOfALineOneByOneRefundExactlyWhatWasPaidForItToTheFen() {
        JsonHttp cashier = shop().cashier();
        String saleId = openSale(cashier);
        expect(201, addLine(cashier, saleId, RICE_COOKER, "3"));
        // 279.00 less 3.319 % is 269.74 a unit, 809.22 for three; cash pays 809.20 (the store waives 0.02, 抹零)
        JsonObject discounted = expect(200, cashier.post("sales/" + saleId + "/discount", "{\"percent\":\"3.319\"}")).json();
        assertEquals("809.22", discounted.getString("total"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"809.20\",\"counted\":[{\"denomination\":\"100\",\"count\":9}]}")).json().getJsonObject("sale");
        String lineId = lineOf(sale);
        JsonObject returnable = expect(200, cashier.get("returns/returnable?saleId=" + saleId)).json();
        assertEquals("809.20", returnable.getJsonArray("lines").getJsonObject(0).getString("refundable"));
        List<String> amounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            amounts.add(expect(201, cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null)))
                    .json().getString("amount"));
        }
        assertEquals(List.of("269.73", "269.74", "269.73"), amounts);
        assertEquals(0, new BigDecimal("809.20").compareTo(amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)),
                "the returns of the line add up to what was paid for it, not to its 809.22");
        assertProblem(409, "over-return", cashier.post("returns", returnBody(UUID.randomUUID().toString(), saleRef(sale), lineId, "1", "QUALITY", null)));
    }

    @Test
    void aCashRefundOfOddFenIsPaidOutToTheDrawersSmallestPieceAndCompletesTheReturn() {
        JsonHttp cashier = shop().cashier();
        String saleId = openSale(cashier);
        expect(201, addLine(cashier, saleId, RICE_COOKER, "3"));
        expect(200, cashier.post("sales/" + saleId + "/discount", "{\"percent\":\"3.319\"}"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"809.20\",\"counted\":[{\"denomination\":\"100\",\"count\":9}]}")).json().getJsonObject("sale");
        String lineId = lineOf(sale);
        String shiftId = sale.getString("shiftId");
        String returnId = approvedReturn(cashier, sale, lineId, "1", "QUALITY", null);
        JsonObject received = expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK"))).json();
        JsonObject step = received.getJsonArray("refundPlan").getJsonObject(0);
        assertEquals(List.of("CASH", "269.73", "269.70"), List.of(step.getString("tender"), step.getString("amount"), step.getString("payOut")),
                "the drawer's smallest piece is 0.10: it pays 269.70 of the 269.73 due");
        assertProblem(422, "refund-count-mismatch", refundCash(cashier, returnId, UUID.randomUUID().toString(), "269.73",
                "[{\"denomination\":\"100\",\"count\":2},{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"20\",\"count\":1}]"));
        JsonObject before = expect(200, cashier.get("shifts/" + shiftId + "/report")).json();
        String pieces = "[{\"denomination\":\"100\",\"count\":2},{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"10\",\"count\":1},"
                + "{\"denomination\":\"5\",\"count\":1},{\"denomination\":\"1\",\"count\":4},{\"denomination\":\"0.5\",\"count\":1},"
                + "{\"denomination\":\"0.1\",\"count\":2}]";
        JsonObject refunded = expect(200, refundCash(cashier, returnId, UUID.randomUUID().toString(), "269.73", pieces)).json();
        assertEquals(List.of("REFUNDED", "269.73", "0.00"), List.of(refunded.getString("status"), refunded.getString("refunded"), refunded.getString("due")),
                "the 0.03 the drawer cannot pay are waived, as 抹零 waives them when cash is taken: the return completes");
        JsonObject after = expect(200, cashier.get("shifts/" + shiftId + "/report")).json();
        assertEquals(0, new BigDecimal(before.getString("expectedCash")).subtract(new BigDecimal("269.70")).compareTo(new BigDecimal(after.getString("expectedCash"))),
                "the drawer's ledger takes what left it, 269.70");
    }

    // --- exchanges ------------------------------------------------------------------------------------

    @Test
    void anExchangesCreditCountsAgainstThePaymentItTakesSoALaterReturnNeverPlansMoreBackToATenderThanItHasLeft() {
        JsonHttp cashier = shop().cashier();
        // two rice cookers, 558.00: card 300.00 first, cash 258.00 last
        String saleId = Shop.confirmedSale(cashier, RICE_COOKER, "2");
        expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"300.00\","
                + "\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R1\"}"));
        JsonObject sale = expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CASH\",\"amountDue\":\"258.00\",\"counted\":[{\"denomination\":\"100\",\"count\":2},"
                + "{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"5\",\"count\":1},{\"denomination\":\"1\",\"count\":3}]}")).json().getJsonObject("sale");
        assertEquals("PAID", sale.getString("status"));
        String lineId = lineOf(sale);
        String first = receivedReturn(cashier, sale, lineId, "QUALITY");
        // exchanged for another rice cooker: the credit takes the plan's first step (the cash, 258.00) at most
        String newSale = openSale(cashier);
        expect(201, addLine(cashier, newSale, RICE_COOKER, "1"));
        JsonObject credited = expect(200, cashier.post("returns/" + first + "/refund", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"EXCHANGE\",\"saleId\":\"" + newSale + "\"}")).json();
        assertEquals(List.of("258.00", "21.00"), List.of(credited.getString("refunded"), credited.getString("due")));
        expect(201, cashier.post("sales/" + newSale + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"21.00\","
                + "\"authCode\":\"D4E5F6\",\"last4\":\"2222\",\"terminalReference\":\"R2\"}"));
        JsonObject step = expect(200, cashier.get("returns/" + first)).json().getJsonArray("refundPlan").getJsonObject(0);
        assertEquals(List.of("CARD", "21.00"), List.of(step.getString("tender"), step.getString("amount")));
        assertEquals("REFUNDED", expect(200, cashier.post("returns/" + first + "/refund", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CARD\",\"amount\":\"21.00\",\"reversalReference\":\"REV-21\"}")).json().getString("status"));
        // the second unit: the cash went to the exchange already, so all 279.00 go back to what the card has left
        String second = approvedReturn(cashier, sale, lineId, "1", "QUALITY", null);
        JsonObject plan = expect(200, cashier.post("returns/" + second + "/receive", receiveBody(lineId, "1", "RESTOCK"))).json();
        assertEquals(1, plan.getJsonArray("refundPlan").size(), plan::toString);
        assertEquals(List.of("CARD", "279.00"), List.of(plan.getJsonArray("refundPlan").getJsonObject(0).getString("tender"),
                plan.getJsonArray("refundPlan").getJsonObject(0).getString("amount")));
    }

    @Test
    void anExchangeCreditsTheReturnToANewSaleEachHalfWithItsOwnSlip() {
        JsonHttp cashier = shop().cashier();
        // worth more than the new sale: the new sale is paid by the credit, the rest goes back to the card
        JsonObject sale = paidByCard(cashier, BIG_RICE_COOKER, "1", "639.00");
        String lineId = lineOf(sale);
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");
        String newSale = openSale(cashier);
        expect(201, addLine(cashier, newSale, RICE_COOKER, "1"));
        String exchangeId = UUID.randomUUID().toString();
        String exchange = "{\"id\":\"" + exchangeId + "\",\"tender\":\"EXCHANGE\",\"saleId\":\"" + newSale + "\"}";
        JsonObject partly = expect(200, cashier.post("returns/" + returnId + "/refund", exchange)).json();
        assertEquals(List.of("PARTLY_REFUNDED", "279.00", "360.00", newSale), List.of(partly.getString("status"), partly.getString("refunded"),
                partly.getString("due"), partly.getString("exchangeSaleId")));
        JsonObject paidNew = expect(200, cashier.get("sales/" + newSale)).json();
        assertEquals("PAID", paidNew.getString("status"));
        assertEquals(paidNew.getString("slipCode"), partly.getJsonArray("refunds").getJsonObject(0).getString("reference"), "the new sale has its own slip");
        assertFalse(paidNew.getString("slipCode").equals(sale.getString("slipCode")));
        assertTrue(partly.getString("number").startsWith("R"), "the return has its own number");
        assertEquals(1, count("select count(*) from payment where sale_id = ? and tender = 'EXCHANGE' and return_id = ?", newSale, returnId));
        expect(200, cashier.post("returns/" + returnId + "/refund", exchange));
        assertEquals(1, count("select count(*) from payment where sale_id = ?", newSale), "a repeated exchange credits once");
        assertEquals("CARD:360.00", partly.getJsonArray("refundPlan").getJsonObject(0).getString("tender") + ":"
                + partly.getJsonArray("refundPlan").getJsonObject(0).getString("amount"));
        JsonObject done = expect(200, cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-3\"}")).json();
        assertEquals("REFUNDED", done.getString("status"));
        String returnSlip = expect(200, cashier.getPage("returns/" + returnId + "/slip")).body();
        assertTrue(returnSlip.contains("换货抵扣 279.00 → 新小票 " + paidNew.getString("slipCode")), "the return's slip names the new sale's: " + returnSlip);
        assertTrue(returnSlip.contains("银行卡 冲正 360.00 参考号 REV-3"), returnSlip);

        // worth less than the new sale: the credit covers part, the customer pays the difference
        JsonObject small = paidByCard(cashier, RICE_COOKER, "1", "279.00");
        String smallLine = lineOf(small);
        String smallReturn = receivedReturn(cashier, small, smallLine, "CHANGE_OF_MIND");
        String bigger = openSale(cashier);
        expect(201, addLine(cashier, bigger, BIG_RICE_COOKER, "1"));
        JsonObject credited = expect(200, cashier.post("returns/" + smallReturn + "/refund", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"EXCHANGE\",\"saleId\":\"" + bigger + "\"}")).json();
        // the new sale is not paid yet: the credit is pending and the return not complete until it is (review finding 8)
        assertEquals(List.of("PARTLY_REFUNDED", "0.00"), List.of(credited.getString("status"), credited.getString("due")));
        JsonObject owing = expect(200, cashier.get("sales/" + bigger)).json();
        assertEquals(List.of("CONFIRMED", "360.00"), List.of(owing.getString("status"), owing.getString("due")));
        JsonObject paid = expect(201, cashier.post("sales/" + bigger + "/payments", Shop.cash("360.00", "[{\"denomination\":\"100\",\"count\":4}]")))
                .json().getJsonObject("sale");
        assertEquals("PAID", paid.getString("status"));
        assertEquals("REFUNDED", expect(200, cashier.get("returns/" + smallReturn)).json().getString("status"));
    }

    @Test
    void anExchangeCompletesItsReturnOnlyOnceTheNewSaleIsPaid() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidByCard(cashier, RICE_COOKER, "1", "279.00");
        String lineId = lineOf(sale);
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");
        String newSale = openSale(cashier);
        expect(201, addLine(cashier, newSale, BIG_RICE_COOKER, "1"));
        JsonObject pending = expect(200, cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"EXCHANGE\",\"saleId\":\"" + newSale + "\"}")).json();
        assertEquals(List.of("PARTLY_REFUNDED", "279.00", "0.00", "EXCHANGE"), List.of(pending.getString("status"), pending.getString("refunded"),
                pending.getString("due"), pending.getJsonArray("refunds").getJsonObject(0).getString("tender")), "the credit is listed, pending");
        assertEquals(0, events(returnId), "no event while the new sale is unpaid");
        assertProblem(409, "return-state", cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-P\"}"), "nothing else is due");

        String paymentId = UUID.randomUUID().toString();
        String card = "{\"id\":\"" + paymentId + "\",\"tender\":\"CARD\",\"amount\":\"360.00\",\"authCode\":\"P1Q2R3\",\"last4\":\"2222\",\"terminalReference\":\"R9\"}";
        assertEquals("PAID", expect(201, cashier.post("sales/" + newSale + "/payments", card)).json().getJsonObject("sale").getString("status"));
        JsonObject done = expect(200, cashier.get("returns/" + returnId)).json();
        assertEquals(List.of("REFUNDED", "0.00"), List.of(done.getString("status"), done.getString("due")), "completed by the payment that paid the new sale");
        assertEquals(1, events(returnId));
        cashier.post("sales/" + newSale + "/payments", card);
        assertEquals(1, events(returnId), "a repeated payment completes nothing again");
    }

    @Test
    void anExchangeWhoseNewSaleIsCancelledGivesTheCreditBackToTheReturn() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidByCard(cashier, RICE_COOKER, "1", "279.00");
        String lineId = lineOf(sale);
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");
        String newSale = openSale(cashier);
        expect(201, addLine(cashier, newSale, BIG_RICE_COOKER, "1"));
        expect(200, cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"EXCHANGE\",\"saleId\":\""
                + newSale + "\"}"));

        // the customer walks away: the new sale, holding only the return's credit, can be cancelled (a confirmed order: with approval)
        String cancel = "{\"approvalId\":\"" + shop().approval(cashier, "VOID_LINE", newSale) + "\"}";
        JsonObject cancelled = expect(200, cashier.post("sales/" + newSale + "/cancel", cancel)).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        JsonObject owed = expect(200, cashier.get("returns/" + returnId)).json();
        assertEquals(List.of("RECEIVED", "0.00", "279.00"), List.of(owed.getString("status"), owed.getString("refunded"), owed.getString("due")),
                "the credit is owed again");
        assertEquals("CARD:279.00", owed.getJsonArray("refundPlan").getJsonObject(0).getString("tender") + ":"
                + owed.getJsonArray("refundPlan").getJsonObject(0).getString("amount"));
        assertEquals(0, events(returnId), "no ReturnCompleted for a credit given back");
        expect(200, cashier.post("sales/" + newSale + "/cancel", cancel));
        assertEquals("279.00", expect(200, cashier.get("returns/" + returnId)).json().getString("due"), "a repeated cancel gives nothing back twice");

        JsonObject done = expect(200, cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-C\"}")).json();
        assertEquals("REFUNDED", done.getString("status"));
        assertEquals(1, events(returnId));
    }

    @Test
    void aSalePaidWithAnExchangesCreditGivesThatPartBackOnlyAsCreditNeverAsCash() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidByCard(cashier, RICE_COOKER, "1", "279.00");
        String lineId = lineOf(sale);
        String returnId = receivedReturn(cashier, sale, lineId, "QUALITY");
        String newSale = openSale(cashier);
        expect(201, addLine(cashier, newSale, BIG_RICE_COOKER, "1"));
        expect(200, cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"EXCHANGE\",\"saleId\":\""
                + newSale + "\"}"));
        JsonObject exchanged = expect(201, cashier.post("sales/" + newSale + "/payments", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"CARD\",\"amount\":\"360.00\",\"authCode\":\"S1T2U3\",\"last4\":\"3333\",\"terminalReference\":\"R8\"}"))
                .json().getJsonObject("sale");

        // the card purchase came to this sale as credit: returning it gives the card back its part, the credit only as credit
        String newLine = lineOf(exchanged);
        String second = approvedReturn(cashier, exchanged, newLine, "1", "QUALITY", null);
        JsonObject received = expect(200, cashier.post("returns/" + second + "/receive", receiveBody(newLine, "1", "RESTOCK"))).json();
        assertEquals(List.of("CARD:360.00", "EXCHANGE:279.00"), received.getJsonArray("refundPlan").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("tender") + ":" + s.getString("amount")).toList());
        expect(200, cashier.post("returns/" + second + "/refund", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-E\"}"));
        Answer asCash = refundCash(cashier, second, UUID.randomUUID().toString(), "279.00", "[{\"denomination\":\"100\",\"count\":2},"
                + "{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"20\",\"count\":1},{\"denomination\":\"5\",\"count\":1},"
                + "{\"denomination\":\"1\",\"count\":4}]");
        assertProblem(409, "refund-order", asCash);
        assertEquals("EXCHANGE", asCash.json().getString("expectedTender"));
        assertProblem(409, "refund-order", cashier.post("returns/" + second + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-F\"}"));

        String third = openSale(cashier);
        expect(201, addLine(cashier, third, RICE_COOKER, "1"));
        JsonObject done = expect(200, cashier.post("returns/" + second + "/refund", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"tender\":\"EXCHANGE\",\"saleId\":\"" + third + "\"}")).json();
        assertEquals(List.of("REFUNDED", "0.00"), List.of(done.getString("status"), done.getString("due")), "the credit paid the third sale whole");
        assertEquals("PAID", expect(200, cashier.get("sales/" + third)).json().getString("status"));
    }

    private static long events(String returnId) {
        return count("select count(*) from outbox_event where type = 'ReturnCompleted' and payload like ?", "%" + returnId + "%");
    }

    // --- red-letter invoices ---------------------------------------------------------------------------

    @Test
    void aRefundedReturnOfAnInvoicedSaleGetsTheNextInvoiceNumberAsARedLetterInvoice() {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "2", "558.00", "[{\"denomination\":\"100\",\"count\":6}]");
        String lineId = lineOf(sale);
        JsonObject original = expect(201, cashier.post("sales/" + sale.getString("id") + "/invoice", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"buyerName\":\"北京某某科技有限公司\",\"buyerAddress\":\"北京市西城区西单北大街120号\",\"buyerPhone\":\"010-66012345\"}")).json();
        String number = original.getString("number");
        JsonObject returnable = expect(200, cashier.get("returns/returnable?invoiceNumber=" + number)).json();
        assertEquals(List.of(sale.getString("id"), number), List.of(returnable.getString("saleId"), returnable.getString("invoiceNumber")));

        String returnId = UUID.randomUUID().toString();
        expect(201, cashier.post("returns", returnBody(returnId, "\"invoiceNumber\":\"" + number + "\"", lineId, "1", "QUALITY", null)));
        expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + returnApproval(cashier, "M001", returnId) + "\"}"));
        expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK")));
        JsonObject refunded = expect(200, refundCash(cashier, returnId, UUID.randomUUID().toString(), "279.00", "[{\"denomination\":\"100\",\"count\":2},"
                + "{\"denomination\":\"50\",\"count\":1},{\"denomination\":\"20\",\"count\":1},{\"denomination\":\"5\",\"count\":1},"
                + "{\"denomination\":\"1\",\"count\":4}]")).json();
        assertEquals("REFUNDED", refunded.getString("status"));
        String redNumber = refunded.getString("redLetterInvoice");
        assertEquals(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)) + 1, Long.parseLong(redNumber.substring(redNumber.lastIndexOf('-') + 1)),
                "the next number of the gapless sequence");
        JsonObject red = expect(200, cashier.get("invoices/" + redNumber)).json();
        assertEquals(List.of("RED_LETTER", number, returnId, "-279.00"), List.of(red.getString("kind"), red.getString("originalNumber"),
                red.getString("returnId"), red.getString("total")));
        assertTrue(red.getString("totalInWords").startsWith("负"), red::toString);
        assertEquals("-279.00", red.getJsonArray("lines").getJsonObject(0).getString("amount"));
        JsonObject unchanged = expect(200, cashier.get("invoices/" + number)).json();
        assertEquals(List.of("ISSUED", "558.00", original.getString("totalInWords")), List.of(unchanged.getString("status"), unchanged.getString("total"),
                unchanged.getString("totalInWords")), "the original is never altered");
    }

    @Test
    void aReturnPrintsItsOwnSlipOnceSomethingIsRefundedTheOriginalOnceThenCopies() throws Exception {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidByCard(cashier, BIG_RICE_COOKER, "1", "639.00");
        String lineId = lineOf(sale);
        String returnId = approvedReturn(cashier, sale, lineId, "1", "QUALITY", null);
        assertProblem(409, "return-state", cashier.getPage("returns/" + returnId + "/slip"), "nothing refunded yet: no return slip");
        expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "WRITE_OFF")));
        assertProblem(409, "return-state", cashier.getPage("returns/" + returnId + "/slip?copy=true"), "received, nothing refunded: no return slip");
        assertProblem(404, "return-not-found", cashier.getPage("returns/" + UUID.randomUUID() + "/slip"));
        JsonObject refunded = expect(200, cashier.post("returns/" + returnId + "/refund",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"reversalReference\":\"REV-SLIP-1\"}")).json();
        String number = refunded.getString("number");

        String original = expect(200, cashier.getPage("returns/" + returnId + "/slip")).body();
        assertTrue(original.contains("<title>退货单 " + number + "</title>"), original);
        assertTrue(original.contains("原小票 Slip " + sale.getString("slipCode")), "it names the slip the goods were bought on");
        assertTrue(original.contains("质量问题"), "the reason");
        assertTrue(original.contains("审批 Approved by: 张伟"), "the approving manager by name");
        assertTrue(original.contains("<td class=\"num\">639.00</td><td>报损 written off</td>"), "the line, what it refunds and what the inspection did");
        assertTrue(original.contains("银行卡 冲正 639.00 参考号 REV-SLIP-1"), "where the money went");
        assertTrue(original.contains("顾客签名"), "the customer signs the original");
        assertFalse(original.contains("副本"), "the first print is the original");
        assertFalse(original.contains("尚待退款"), "nothing is left to refund");
        java.util.regex.Matcher png = java.util.regex.Pattern.compile("class=\"barcode\" alt=\"" + number + "\" src=\"data:image/png;base64,([^\"]+)\"")
                .matcher(original);
        assertTrue(png.find(), original);
        assertEquals(number, Shop.decodeCode128(java.util.Base64.getDecoder().decode(png.group(1))), "its barcode carries the return's number");

        String again = expect(200, shop().login("C001", "2468", "T2").getPage("returns/" + returnId + "/slip")).body();
        assertTrue(again.contains("副本 COPY"), "every later print is a copy, at any counter");
        assertFalse(again.contains("顾客签名"));
        assertEquals(1, count("select count(*) from return_slip_first_print where return_id = ?", returnId));
        assertEquals(1, count("select count(*) from audit_entry where event = 'RETURN_SLIP_REPRINTED' and sale_id = ?", sale.getString("id")));
    }

    // --- the deadline ---------------------------------------------------------------------------------

    @Test
    void aReturnReceivedAndNotRefundedWithinThreeWorkingDaysIsFlaggedOverdue() throws SQLException {
        JsonHttp cashier = shop().cashier();
        JsonObject sale = paidInCash(cashier, RICE_COOKER, "2", "558.00", "[{\"denomination\":\"100\",\"count\":6}]");
        String lineId = lineOf(sale);
        String late = receivedReturn(cashier, sale, lineId, "QUALITY");
        String fresh = receivedReturn(cashier, sale, lineId, "QUALITY");
        // received ten days ago: three working days are over whatever the weekends
        Shop.execute("update sale_return set received_at = ? where id = ?", LocalDateTime.now(ZoneOffset.UTC).minusDays(10), late);
        JsonObject overdue = expect(200, cashier.get("returns/" + late)).json();
        assertTrue(overdue.getBoolean("overdue"));
        assertFalse(expect(200, cashier.get("returns/" + fresh)).json().getBoolean("overdue"));
        List<String> flagged = expect(200, shop().manager().get("returns?overdue=true")).array().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("id")).toList();
        assertTrue(flagged.contains(late), flagged::toString);
        assertFalse(flagged.contains(fresh));
        assertTrue(expect(200, cashier.get("returns?status=RECEIVED")).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("id").equals(fresh)));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static JsonObject paidInCash(JsonHttp cashier, String barcode, String quantity, String due, String counted) {
        String saleId = Shop.confirmedSale(cashier, barcode, quantity);
        Answer paid = expect(201, cashier.post("sales/" + saleId + "/payments", Shop.cash(due, counted)));
        JsonObject sale = paid.json().getJsonObject("sale");
        assertEquals("PAID", sale.getString("status"));
        return sale;
    }

    private static JsonObject paidByCard(JsonHttp cashier, String barcode, String quantity, String amount) {
        String saleId = Shop.confirmedSale(cashier, barcode, quantity);
        return expect(201, cashier.post("sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\""
                + amount + "\",\"authCode\":\"A1B2C3\",\"last4\":\"1111\",\"terminalReference\":\"R1\"}")).json().getJsonObject("sale");
    }

    private static String lineOf(JsonObject sale) {
        return sale.getJsonArray("lines").getJsonObject(0).getString("id");
    }

    private static String saleRef(JsonObject sale) {
        return "\"saleId\":\"" + sale.getString("id") + "\"";
    }

    private static String returnBody(String id, String saleRef, String lineId, String quantity, String reason, String responsible) {
        return "{\"id\":\"" + id + "\"," + saleRef + ",\"lines\":[{\"saleLineId\":\"" + lineId + "\",\"quantity\":\"" + quantity + "\"}],\"reason\":\""
                + reason + "\"" + (responsible == null ? "" : ",\"responsibleStaff\":\"" + responsible + "\"") + "}";
    }

    private static String receiveBody(String lineId, String quantity, String disposition) {
        return "{\"lines\":[{\"saleLineId\":\"" + lineId + "\",\"quantity\":\"" + quantity + "\",\"disposition\":\"" + disposition + "\"}]}";
    }

    private static Answer refundCash(JsonHttp cashier, String returnId, String refundId, String amount, String counted) {
        return cashier.post("returns/" + returnId + "/refund", "{\"id\":\"" + refundId + "\",\"tender\":\"CASH\",\"amount\":\"" + amount
                + "\",\"counted\":" + counted + "}");
    }

    /** A manager's RETURN approval for the return, given at the requester's counter. */
    private static String returnApproval(JsonHttp requester, String manager, String returnId) {
        Answer granted = expect(201, requester.post("approvals", "{\"staffCode\":\"" + manager + "\",\"pin\":\"1357\",\"action\":\"RETURN\",\"returnId\":\""
                + returnId + "\"}"));
        assertEquals(returnId, granted.json().getString("returnId"));
        return granted.json().getString("approvalId");
    }

    /** A return of the line requested and approved by M001. */
    private static String approvedReturn(JsonHttp cashier, JsonObject sale, String lineId, String quantity, String reason, String responsible) {
        String returnId = UUID.randomUUID().toString();
        expect(201, cashier.post("returns", returnBody(returnId, saleRef(sale), lineId, quantity, reason, responsible)));
        expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + returnApproval(cashier, "M001", returnId) + "\"}"));
        return returnId;
    }

    /** A return of one unit of the line, approved by M001 and received back into stock: ready to refund. */
    private static String receivedReturn(JsonHttp cashier, JsonObject sale, String lineId, String reason) {
        String returnId = approvedReturn(cashier, sale, lineId, "1", reason, null);
        expect(200, cashier.post("returns/" + returnId + "/receive", receiveBody(lineId, "1", "RESTOCK")));
        return returnId;
    }

    private static BigDecimal stock(String sku) {
        return (BigDecimal) rows("select on_hand from stock where sku = ?", sku).get(0).get("on_hand");
    }
}
