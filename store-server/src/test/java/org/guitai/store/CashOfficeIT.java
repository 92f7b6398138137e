package org.guitai.store;

import static org.guitai.store.Shop.RICE_COOKER;
import static org.guitai.store.Shop.addLine;
import static org.guitai.store.Shop.assertProblem;
import static org.guitai.store.Shop.cash;
import static org.guitai.store.Shop.check;
import static org.guitai.store.Shop.count;
import static org.guitai.store.Shop.expect;
import static org.guitai.store.Shop.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The cash office over HTTP against MariaDB: shifts and their ledger, cash movements, the blind
 * close with its graded difference, immutability, the store's day and its reports, targets. Each
 * test works at terminals and with cashiers of its own (enrolled here), so that closing a shift
 * never disturbs another test's sales.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CashOfficeIT {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
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
        Shop.execute("update stock set on_hand = 10000 where sku = 'E00002'");
    }

    @AfterAll
    static void stopHq() {
        hq.close();
    }

    private Shop shop() {
        return new Shop(base);
    }

    /** A counter of its own for the test. */
    private static String newTerminal() throws SQLException {
        String id = "K" + NEXT.getAndIncrement() + "-" + UUID.randomUUID().toString().substring(0, 4);
        Shop.execute("insert into terminal (id, name, enrolled_at) values (?, 'test counter', utc_timestamp(6))", id);
        return id;
    }

    /** A cashier of its own (PIN 2468, as C001's), so that its record of violations is the test's alone. */
    private static String newCashier() throws SQLException {
        String code = "Z" + NEXT.getAndIncrement() + UUID.randomUUID().toString().substring(0, 3).toUpperCase();
        Shop.execute("insert into staff (code, name, roles, pin_hash, active, created_at) select ?, '测试', 'CASHIER', pin_hash, true, utc_timestamp(6) "
                + "from staff where code = 'C001'", code);
        return code;
    }

    private static String openShift(JsonHttp who, String terminal, String floatCounts) {
        String id = UUID.randomUUID().toString();
        Answer opened = expect(201, who.post("shifts", "{\"id\":\"" + id + "\",\"terminalId\":\"" + terminal + "\",\"float\":" + floatCounts + "}"));
        assertEquals("OPEN", opened.json().getString("status"));
        return id;
    }

    private static String sale(JsonHttp cashier, String terminal, String extra) {
        String saleId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"" + terminal + "\"" + extra + "}"));
        expect(201, addLine(cashier, saleId, RICE_COOKER, "1"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        return saleId;
    }

    private static String approval(JsonHttp requester, String action, String subject, String id) {
        Answer granted = expect(201, requester.post("approvals", "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"" + action + "\",\""
                + subject + "\":\"" + id + "\"}"));
        return granted.json().getString("approvalId");
    }

    /** The count as 100s, 10s, 1s and 0.1s. */
    private static String countOf(BigDecimal amount) {
        BigDecimal tenths = amount.movePointRight(1);
        long rest = tenths.longValueExact();
        List<String> pieces = new ArrayList<>();
        for (long[] d : new long[][] {{1000, 100}, {100, 10}, {10, 1}, {1, 0}}) {
            long n = rest / d[0];
            rest %= d[0];
            if (n > 0) {
                String denomination = d[0] == 1 ? "0.1" : String.valueOf(d[1]);
                pieces.add("{\"denomination\":\"" + denomination + "\",\"count\":" + n + "}");
            }
        }
        return "[" + String.join(",", pieces) + "]";
    }

    // --- the ledger -------------------------------------------------------------------------------

    @Test
    void theLedgerCountsCashOnlyAndTheBlindCloseComparesTheCountWithIt() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        JsonHttp cashier = shop.login("C001", "2468", terminal);
        assertProblem(409, "no-open-shift", cashier.post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal + "\"}"),
                "no sale without a shift");
        String shiftId = openShift(cashier, terminal, "[{\"denomination\":\"100\",\"count\":5}]");

        // cash: 279.00 paid with three 100s and a suspect 100 handed back (验); 21.00 change
        String cashSale = sale(cashier, terminal, "");
        expect(201, cashier.post("sales/" + cashSale + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"279.00\","
                + "\"counted\":[{\"denomination\":\"100\",\"count\":3}],\"rejected\":[{\"denomination\":\"100\",\"serial\":\"HD90\",\"reason\":\"COUNTERFEIT\"}]}"));
        // card and check never count as cash
        String cardSale = sale(cashier, terminal, "");
        expect(201, cashier.post("sales/" + cardSale + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"279.00\","
                + "\"authCode\":\"A12345\",\"last4\":\"4242\",\"terminalReference\":\"POS-1\"}"));
        String checkSale = sale(cashier, terminal, "");
        expect(201, cashier.post("sales/" + checkSale + "/payments", check(UUID.randomUUID().toString(), "279.00", "CK1001", "工商银行")));
        // movements: a pay-in needs nobody; a pay-out needs a manager here
        expect(201, cashier.post("shifts/" + shiftId + "/cash-movements", "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PAY_IN\",\"amount\":\"50.00\",\"reason\":\"零钱\"}"));
        String dropId = UUID.randomUUID().toString();
        String drop = "{\"id\":\"" + dropId + "\",\"type\":\"DROP\",\"amount\":\"200.00\",\"reason\":\"存入保险柜\"}";
        expect(201, cashier.post("shifts/" + shiftId + "/cash-movements", drop));
        expect(201, cashier.post("shifts/" + shiftId + "/cash-movements", drop));
        assertEquals(1, count("select count(*) from cash_movement where id = ?", dropId), "a repeated movement is recorded once");
        String payOut = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PAY_OUT\",\"amount\":\"12.50\",\"reason\":\"快递费\"";
        assertProblem(403, "approval-required", cashier.post("shifts/" + shiftId + "/cash-movements", payOut + "}"));
        expect(201, cashier.post("shifts/" + shiftId + "/cash-movements",
                payOut + ",\"approvalId\":\"" + approval(cashier, "CASH_MOVEMENT", "shiftId", shiftId) + "\"}"));
        assertProblem(422, "not-enough-cash", cashier.post("shifts/" + shiftId + "/cash-movements",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"DROP\",\"amount\":\"9000.00\",\"reason\":\"too much\"}"));
        // a no-sale opening of the drawer is recorded against the shift
        expect(200, cashier.post("drawer/no-sale", "{\"approvalId\":\"" + approval(cashier, "NO_SALE", "saleId", UUID.randomUUID().toString())
                + "\",\"reason\":\"换零钱\"}"));

        JsonObject x = expect(200, cashier.get("shifts/" + shiftId + "/report")).json();
        assertEquals("X", x.getString("kind"));
        // 500 + 300 (received, before change) - 21 + 50 - 200 - 12.50
        assertEquals("616.50", x.getString("expectedCash"), x::toString);
        assertEquals("300.00", x.getString("cashReceived"));
        assertEquals("21.00", x.getString("changeGiven"));
        assertEquals(2, x.getJsonObject("sales").getInt("count"), "the check sale waits for clearance: not yet a sale");
        assertEquals("558.00", x.getJsonObject("sales").getString("amount"));
        assertEquals(1, x.getJsonObject("rejectedNotes").getInt("count"));
        assertEquals("100.00", x.getJsonObject("rejectedNotes").getString("amount"));
        assertEquals(1, x.getInt("noSales"));
        assertEquals("50.00", x.getString("payIns"));
        assertEquals("12.50", x.getString("payOuts"));
        assertEquals("200.00", x.getString("drops"));
        for (JsonObject tender : x.getJsonArray("byTender").getValuesAs(JsonObject.class)) {
            String expected = tender.getString("tender").equals("MOBILE") ? "0.00" : "279.00";
            assertEquals(expected, tender.getString("amount"), tender::toString);
        }
        assertTrue(!x.containsKey("countedCash") || x.isNull("countedCash"), "nothing counted yet");

        // the count: 616.50 in the drawer, exactly as expected
        JsonObject z = expect(200, cashier.post("shifts/" + shiftId + "/close", "{\"counted\":" + countOf(new BigDecimal("616.50")) + "}")).json();
        assertEquals("Z", z.getString("kind"));
        assertEquals("616.50", z.getString("countedCash"));
        assertEquals("0.00", z.getString("difference"));
        assertEquals("NONE", z.getString("errorLevel"));
        assertEquals(0, count("select count(*) from cash_violation where shift_id = ?", shiftId));

        // closed is closed: a second close, movements, sales are refused and the database keeps the row as it is
        assertProblem(409, "shift-closed", cashier.post("shifts/" + shiftId + "/close", "{\"counted\":[]}"));
        assertProblem(409, "shift-closed", cashier.post("shifts/" + shiftId + "/cash-movements",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PAY_IN\",\"amount\":\"1.00\",\"reason\":\"late\"}"));
        assertProblem(409, "no-open-shift", cashier.post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal + "\"}"));
        assertThrows(SQLException.class, () -> Shop.execute("update shift set counted_cash = 0, difference = -616.50 where id = ?", shiftId));
        assertThrows(SQLException.class, () -> Shop.execute("delete from shift_cash_count where shift_id = ?", shiftId));
        assertThrows(SQLException.class, () -> Shop.execute("update cash_movement set amount = 1 where shift_id = ?", shiftId));
        assertEquals("616.50", expect(200, cashier.get("shifts/" + shiftId + "/report")).json().getString("countedCash"));
    }

    @Test
    void aShiftKeepsItsFloatAndATerminalHasOneOpenShift() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        JsonHttp cashier = shop.login("C001", "2468", terminal);
        String body = "{\"id\":\"%s\",\"terminalId\":\"" + terminal + "\",\"float\":[{\"denomination\":\"50\",\"count\":4},{\"denomination\":\"0.5\",\"count\":3}]}";
        String first = UUID.randomUUID().toString();
        JsonObject opened = expect(201, cashier.post("shifts", String.format(body, first))).json();
        assertEquals("201.50", opened.getString("openingFloat"));
        assertEquals(first, expect(201, cashier.post("shifts", String.format(body, first))).json().getString("id"), "a repeat answers the same shift");
        Answer second = cashier.post("shifts", String.format(body, UUID.randomUUID()));
        assertProblem(409, "shift-already-open", second);
        assertEquals(first, second.json().getString("shiftId"));
        assertEquals(1, count("select count(*) from shift where terminal_id = ?", terminal));
        assertEquals(first, expect(200, cashier.get("shifts?status=OPEN&terminalId=" + terminal)).array().getJsonObject(0).getString("id"));
        assertProblem(422, "wrong-terminal", cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T2\",\"float\":[]}"),
                "a float is counted at its own terminal");
    }

    @Test
    void badCountsAreRefusedWith422AndChangeNothing() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        JsonHttp cashier = shop.login("C001", "2468", terminal);
        for (String bad : List.of("[{\"denomination\":\"100\",\"count\":-1}]", "[{\"denomination\":\"3\",\"count\":1}]",
                "[{\"denomination\":\"100\",\"count\":1.5}]", "[{\"denomination\":\"10\",\"count\":1},{\"denomination\":\"10.00\",\"count\":2}]")) {
            assertProblem(422, "bad-count", cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal + "\",\"float\":" + bad + "}"),
                    bad);
        }
        assertEquals(0, count("select count(*) from shift where terminal_id = ?", terminal), "no shift from a bad float");
        String shiftId = openShift(cashier, terminal, "[{\"denomination\":\"100\",\"count\":1}]");
        for (String bad : List.of("[{\"denomination\":\"100\",\"count\":-1}]", "[{\"denomination\":\"3\",\"count\":1}]",
                "[{\"denomination\":\"100\",\"count\":0.5}]")) {
            assertProblem(422, "bad-count", cashier.post("shifts/" + shiftId + "/close", "{\"counted\":" + bad + "}"), bad);
        }
        assertProblem(400, "invalid-request", cashier.post("shifts/" + shiftId + "/close", "{\"counted\":[{\"denomination\":\"abc\",\"count\":1}]}"));
        assertEquals(0, count("select count(*) from shift_cash_count where shift_id = ? and kind = 'CLOSE'", shiftId));
        assertEquals(1, count("select count(*) from shift where id = ? and status = 'OPEN'", shiftId));
    }

    @Test
    void aSaleTheCustomerIsStillPayingForKeepsTheShiftOpen() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        JsonHttp cashier = shop.login("C001", "2468", terminal);
        String shiftId = openShift(cashier, terminal, "[{\"denomination\":\"100\",\"count\":1}]");
        String saleId = sale(cashier, terminal, "");
        Answer refused = cashier.post("shifts/" + shiftId + "/close", "{\"counted\":[{\"denomination\":\"100\",\"count\":1}]}");
        assertProblem(409, "unfinished-sales", refused);
        assertEquals(saleId, refused.json().getJsonArray("sales").getString(0));
        expect(200, cashier.post("sales/" + saleId + "/cancel", "{\"approvalId\":\"" + approval(cashier, "VOID_LINE", "saleId", saleId) + "\"}"));
        JsonObject z = expect(200, cashier.post("shifts/" + shiftId + "/close", "{\"counted\":[{\"denomination\":\"100\",\"count\":1}]}")).json();
        assertEquals(1, z.getJsonObject("cancelled").getInt("count"));
        assertEquals("279.00", z.getJsonObject("cancelled").getString("amount"));
    }

    // --- error levels -------------------------------------------------------------------------------

    /** Closes a new cashier's shift with exactly {@code difference}: float 100, a pay-in so the expected cash has the fen the count cannot. */
    private JsonObject closeWithDifference(Shop shop, String cashierCode, String terminal, BigDecimal difference) {
        JsonHttp cashier = shop.login(cashierCode, "2468", terminal);
        String shiftId = openShift(cashier, terminal, "[{\"denomination\":\"100\",\"count\":1}]");
        // the count a multiple of 0.1 (the smallest coin), the expected cash at least the float
        BigDecimal counted = difference.signum() > 0 ? difference.add(new BigDecimal("100")).setScale(1, RoundingMode.UP) : new BigDecimal("100.0");
        BigDecimal expected = counted.subtract(difference);
        BigDecimal payIn = expected.subtract(new BigDecimal("100"));
        if (payIn.signum() > 0) {
            expect(201, cashier.post("shifts/" + shiftId + "/cash-movements", "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PAY_IN\",\"amount\":\""
                    + payIn.setScale(2).toPlainString() + "\",\"reason\":\"to make the expected cash\"}"));
        }
        String approval = difference.abs().compareTo(new BigDecimal("20")) > 0
                ? ",\"approvalId\":\"" + approval(cashier, "CASH_DIFFERENCE", "shiftId", shiftId) + "\"" : "";
        return expect(200, cashier.post("shifts/" + shiftId + "/close", "{\"counted\":" + countOf(counted) + approval + "}")).json();
    }

    @Test
    void eachDifferenceIsGradedAtEveryBoundaryOnBothSidesOfZero() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        String[][] cases = {{"0.00", "NONE"}, {"199.99", "LEVEL_1"}, {"-199.99", "LEVEL_1"}, {"200.00", "LEVEL_2"}, {"-200.00", "LEVEL_2"},
                {"999.99", "LEVEL_2"}, {"-999.99", "LEVEL_2"}, {"1000.00", "LEVEL_3"}, {"-1000.00", "LEVEL_3"}, {"2999.99", "LEVEL_3"},
                {"-2999.99", "LEVEL_3"}, {"3000.00", "MAJOR"}, {"-3000.00", "MAJOR"}};
        for (String[] c : cases) {
            // a new cashier each time: a first violation is graded on its amount alone
            String cashierCode = newCashier();
            JsonObject z = closeWithDifference(shop, cashierCode, terminal, new BigDecimal(c[0]));
            assertEquals(c[0], z.getString("difference"), z::toString);
            assertEquals(c[1], z.getString("errorLevel"), () -> c[0] + ": " + z);
            assertEquals(c[1].equals("NONE") ? 0 : 1, count("select count(*) from cash_violation where staff_code = ? and error_level = ?", cashierCode, c[1]),
                    "the grade is on the cashier's record");
            if (new BigDecimal(c[0]).abs().compareTo(new BigDecimal("20")) > 0) {
                assertEquals("M001", z.getString("approvedBy"), "a difference beyond the limit is accepted by a manager");
            }
        }
    }

    @Test
    void aDifferenceBeyondTheLimitNeedsAManagersApprovalForThatShift() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        JsonHttp cashier = shop.login(newCashier(), "2468", terminal);
        String shiftId = openShift(cashier, terminal, "[{\"denomination\":\"100\",\"count\":2}]");
        String shortBy100 = "{\"counted\":[{\"denomination\":\"100\",\"count\":1}]";
        assertProblem(403, "approval-required", cashier.post("shifts/" + shiftId + "/close", shortBy100 + "}"));
        String otherTerminal = newTerminal();
        String otherShift = openShift(shop.login("C001", "2468", otherTerminal), otherTerminal, "[]");
        assertProblem(403, "approval-required", cashier.post("shifts/" + shiftId + "/close", shortBy100 + ",\"approvalId\":\""
                + approval(cashier, "CASH_DIFFERENCE", "shiftId", otherShift) + "\"}"), "an approval for another shift");
        assertEquals(1, count("select count(*) from shift where id = ? and status = 'OPEN'", shiftId));
        JsonObject z = expect(200, cashier.post("shifts/" + shiftId + "/close", shortBy100 + ",\"approvalId\":\""
                + approval(cashier, "CASH_DIFFERENCE", "shiftId", shiftId) + "\"}")).json();
        assertEquals("-100.00", z.getString("difference"));
        assertEquals("LEVEL_1", z.getString("errorLevel"));
    }

    @Test
    void theThirdViolationOfAYearIsAtLeastLevel2AndTheFifthLevel3WhileLastYearsDoNotCount() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        String cashierCode = newCashier();
        // four violations on record, all of last year
        int lastYear = Year.now(STORE_ZONE).getValue() - 1;
        for (int n = 1; n <= 4; n++) {
            String old = UUID.randomUUID().toString();
            Shop.execute("insert into shift (id, terminal_id, opened_by, status, currency, business_date, opened_at, float_amount, closed_at, closed_by, "
                    + "expected_cash, counted_cash, difference, error_level) values (?, ?, ?, 'CLOSED', 'CNY', ?, utc_timestamp(6) - interval 300 day, 100, "
                    + "utc_timestamp(6) - interval 300 day, ?, 100, 95, -5, 'LEVEL_1')", old, terminal, cashierCode, LocalDate.of(lastYear, 12, 30 - n), cashierCode);
            Shop.execute("insert into cash_violation (shift_id, staff_code, year, number, difference, error_level, recorded_at) "
                    + "values (?, ?, ?, ?, -5, 'LEVEL_1', utc_timestamp(6) - interval 300 day)", old, cashierCode, lastYear, n);
        }
        String[] expected = {"LEVEL_1", "LEVEL_1", "LEVEL_2", "LEVEL_2", "LEVEL_3", "LEVEL_3"};
        for (int n = 0; n < expected.length; n++) {
            JsonObject z = closeWithDifference(shop, cashierCode, terminal, new BigDecimal("-5.00"));
            assertEquals(expected[n], z.getString("errorLevel"), "violation " + (n + 1) + " of this year: " + z);
        }
        JsonObject none = closeWithDifference(shop, cashierCode, terminal, BigDecimal.ZERO.setScale(2));
        assertEquals("NONE", none.getString("errorLevel"), "no difference is no violation, however many came before");
        assertEquals(6, count("select count(*) from cash_violation where staff_code = ? and year = ?", cashierCode, lastYear + 1));
    }

    // --- the store's day ------------------------------------------------------------------------------

    @Test
    void theDailyReportTellsTheDayAndTheDayClosesOnlyWhenEveryShiftIsClosed() throws SQLException {
        Shop shop = shop();
        JsonHttp manager = shop.manager();
        JsonHttp cashier = shop.cashier();
        String today = LocalDate.now(STORE_ZONE).toString();
        JsonObject before = expect(200, manager.get("reports/daily?date=" + today)).json();
        // a sale A001 served: credited to the associate; one C001 made alone: credited to the cashier
        String served = sale(cashier, "T1", ",\"associateCode\":\"A001\"");
        expect(201, cashier.post("sales/" + served + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")));
        assertProblem(422, "unknown-associate", cashier.post("sales", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T1\",\"associateCode\":\"NOBODY\"}"));
        JsonObject after = expect(200, manager.get("reports/daily?date=" + today)).json();
        assertEquals(before.getInt("transactions") + 1, after.getInt("transactions"), after::toString);
        assertEquals(new BigDecimal(before.getString("total")).add(new BigDecimal("279.00")), new BigDecimal(after.getString("total")));
        BigDecimal byHour = after.getJsonArray("byHour").getValuesAs(JsonObject.class).stream().map(h -> new BigDecimal(h.getString("total")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, byHour.compareTo(new BigDecimal(after.getString("total"))), "the hours add up to the day");
        assertEquals(24, after.getJsonArray("byHour").size());
        // the running totals the report reads are what re-adding the day's sales gives, over every sale this
        // database has seen today (the other suites' counter sales, documents, checks, voids and cancels too)
        Map<String, Object> recount = rows("select count(*) n, coalesce(sum(total), 0) total from sale where business_date = ? and paid_at is not null",
                today).get(0);
        assertEquals(((Number) recount.get("n")).intValue(), after.getInt("transactions"));
        assertEquals(0, ((BigDecimal) recount.get("total")).compareTo(new BigDecimal(after.getString("total"))), after::toString);
        BigDecimal units = (BigDecimal) rows("select coalesce(sum(l.quantity), 0) u from sale s join sale_line l on l.sale_id = s.id where "
                + "s.business_date = ? and s.paid_at is not null and not l.voided", today).get(0).get("u");
        assertEquals(0, units.compareTo(new BigDecimal(after.getString("units"))), after::toString);
        Map<String, BigDecimal> tenders = new java.util.TreeMap<>();
        rows("select p.tender, sum(p.applied) a from sale s join payment p on p.sale_id = s.id left join check_clearance k on k.payment_id = p.id "
                + "where s.business_date = ? and s.paid_at is not null and (k.outcome is null or k.outcome <> 'BOUNCED') group by p.tender", today)
                .forEach(r -> tenders.put((String) r.get("tender"), ((BigDecimal) r.get("a")).setScale(2)));
        Map<String, BigDecimal> reported = new java.util.TreeMap<>();
        after.getJsonArray("byTender").getValuesAs(JsonObject.class).forEach(t -> reported.put(t.getString("tender"), new BigDecimal(t.getString("amount"))));
        assertEquals(tenders, reported);
        assertEquals(((Number) rows("select count(*) n from sale s join sale_line l on l.sale_id = s.id where s.business_date = ? and l.voided", today)
                .get(0).get("n")).intValue(), after.getJsonObject("voids").getInt("count"), after::toString);
        JsonObject associate = after.getJsonArray("byStaff").getValuesAs(JsonObject.class).stream().filter(s -> s.getString("staffCode").equals("A001"))
                .findFirst().orElseThrow(() -> new AssertionError("A001 is credited: " + after));
        assertTrue(new BigDecimal(associate.getString("total")).compareTo(new BigDecimal("279.00")) >= 0);
        assertTrue(after.getJsonArray("byCategory").getValuesAs(JsonObject.class).stream().anyMatch(c -> c.getString("category").equals("厨房电器")),
                after.getJsonArray("byCategory")::toString);
        assertTrue(after.getJsonArray("bestSellers").getValuesAs(JsonObject.class).stream().anyMatch(p -> p.getString("sku").equals("E00002")));
        assertEquals(10, after.getJsonArray("slowSellers").size());
        Answer csv = manager.get("reports/daily?date=" + today + "&format=csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().startsWith("section,name,count,amount"), csv.body());
        assertTrue(csv.body().contains("staff,A001"), csv.body());
        expect(200, manager.get("reports/weekly?date=" + today));
        expect(200, manager.get("reports/monthly?month=" + today.substring(0, 7)));
        assertProblem(403, "forbidden", cashier.get("reports/daily?date=" + today));
        assertProblem(400, "invalid-request", manager.get("reports/daily?date=yesterday"));

        // T1's shift is open: the day stays open
        Answer refused = manager.post("days/" + today + "/close");
        assertProblem(409, "shifts-open", refused);
        assertEquals(0, count("select count(*) from day_close where business_date = ?", today));
        assertProblem(422, "day-not-begun", manager.post("days/" + LocalDate.now(STORE_ZONE).plusDays(2) + "/close"));
        // a day long past with every shift closed closes, once
        String past = LocalDate.now(STORE_ZONE).minusYears(3).toString();
        JsonObject closed = expect(200, manager.post("days/" + past + "/close")).json();
        assertTrue(closed.getBoolean("closed"));
        assertEquals(0, closed.getInt("transactions"));
        expect(200, manager.post("days/" + past + "/close"));
        assertEquals(1, count("select count(*) from day_close where business_date = ?", past));
    }

    @Test
    void theManagerSplitsTheMonthsTargetAcrossStaff() {
        Shop shop = shop();
        JsonHttp manager = shop.manager();
        String month = YearMonth.now(STORE_ZONE).plusYears(5).toString();
        assertProblem(422, "no-target", manager.put("targets/" + month + "/split", "{\"shares\":[{\"staffCode\":\"C001\",\"amount\":\"1.00\"}]}"));
        JsonObject set = expect(200, manager.put("targets/" + month, "{\"amount\":\"300000.00\"}")).json();
        assertEquals("300000.00", set.getString("amount"));
        Answer wrongSum = manager.put("targets/" + month + "/split", "{\"shares\":[{\"staffCode\":\"C001\",\"amount\":\"100000.00\"},"
                + "{\"staffCode\":\"A001\",\"amount\":\"100000.00\"}]}");
        assertProblem(422, "bad-split", wrongSum);
        assertProblem(422, "bad-split", manager.put("targets/" + month + "/split", "{\"shares\":[{\"staffCode\":\"NOBODY\",\"amount\":\"300000.00\"}]}"));
        JsonObject split = expect(200, manager.put("targets/" + month + "/split", "{\"shares\":[{\"staffCode\":\"C001\",\"amount\":\"120000.00\"},"
                + "{\"staffCode\":\"A001\",\"amount\":\"180000.00\"}]}")).json();
        assertEquals(2, split.getJsonArray("staff").size(), split::toString);
        assertEquals(2, count("select count(*) from sales_target_share where month = ?", month));
        assertProblem(403, "forbidden", shop.cashier().put("targets/" + month, "{\"amount\":\"1.00\"}"));
        expect(200, shop.cashier().get("targets/board"));
    }

    @Test
    void theManagerSeesTheChecksAwaitingClearance() {
        Shop shop = shop();
        JsonHttp cashier = shop.cashier();
        String saleId = sale(cashier, "T1", "");
        String paymentId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales/" + saleId + "/payments", check(paymentId, "279.00", "CK2002", "建设银行")));
        JsonObject pending = expect(200, shop.manager().get("checks?status=PENDING")).array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("paymentId").equals(paymentId)).findFirst().orElseThrow();
        assertEquals("279.00", pending.getString("amount"));
        assertEquals("CK2002", pending.getString("checkNumber"));
        expect(200, shop.manager().post("sales/" + saleId + "/payments/" + paymentId + "/clearance", "{\"outcome\":\"CLEARED\"}"));
        assertTrue(expect(200, shop.manager().get("checks")).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("paymentId").equals(paymentId)));
    }

    // --- mobile payments in the ledger, the cashier's own X report ------------------------------------

    @Test
    void mobilePaymentsAreReportedByTenderAndNeverCountAsCash() throws SQLException {
        Shop shop = shop();
        String terminal = newTerminal();
        JsonHttp cashier = shop.login("C001", "2468", terminal);
        JsonHttp manager = shop.manager();
        String today = LocalDate.now(STORE_ZONE).toString();
        BigDecimal mobileBefore = tenderAmount(expect(200, manager.get("reports/daily?date=" + today)).json(), "MOBILE");
        String shiftId = openShift(cashier, terminal, "[{\"denomination\":\"100\",\"count\":5}]");

        // split: card 100.00 + WeChat 100.00 + cash for the 79.00 left, paid with a 100 (21.00 change)
        String split = sale(cashier, terminal, "");
        expect(201, cashier.post("sales/" + split + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"100.00\","
                + "\"authCode\":\"A12345\",\"last4\":\"4242\",\"terminalReference\":\"POS-1\"}"));
        JsonObject afterMobile = expect(201, cashier.post("sales/" + split + "/payments",
                Shop.mobile(UUID.randomUUID().toString(), "100.00", "WECHAT", Shop.wechatCode(5, false)))).json().getJsonObject("sale");
        assertEquals(List.of("CONFIRMED", "79.00"), List.of(afterMobile.getString("status"), afterMobile.getString("due")));
        JsonObject paid = expect(201, cashier.post("sales/" + split + "/payments", "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\","
                + "\"amountDue\":\"79.00\",\"counted\":[{\"denomination\":\"100\",\"count\":1}]}")).json();
        assertEquals("21.00", paid.getJsonObject("payment").getString("change"));
        assertEquals("PAID", paid.getJsonObject("sale").getString("status"));
        assertEquals(List.of("CARD", "MOBILE", "CASH"), paid.getJsonObject("sale").getJsonArray("payments").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("tender")).toList());
        // all of a sale by Alipay, its answer lost on the way and recovered by the query
        String byAlipay = sale(cashier, terminal, "");
        expect(201, cashier.post("sales/" + byAlipay + "/payments", Shop.mobile(UUID.randomUUID().toString(), "279.00", "ALIPAY", Shop.alipayCode(9))));

        JsonObject x = expect(200, cashier.get("shifts/" + shiftId + "/report")).json();
        assertEquals("X", x.getString("kind"));
        assertEquals(List.of("2", "379.00"), tenderLine(x, "MOBILE"), x::toString);
        assertEquals(List.of("1", "100.00"), tenderLine(x, "CARD"));
        assertEquals(List.of("1", "79.00"), tenderLine(x, "CASH"));
        assertEquals("100.00", x.getString("cashReceived"));
        // 500 float + 100 received - 21 change: the mobile payments are not in the drawer
        assertEquals("579.00", x.getString("expectedCash"), x::toString);
        assertEquals(2, x.getJsonObject("sales").getInt("count"));
        assertEquals("558.00", x.getJsonObject("sales").getString("amount"));

        JsonObject daily = expect(200, manager.get("reports/daily?date=" + today)).json();
        assertEquals(0, mobileBefore.add(new BigDecimal("379.00")).compareTo(tenderAmount(daily, "MOBILE")), daily::toString);

        JsonObject z = expect(200, cashier.post("shifts/" + shiftId + "/close", "{\"counted\":" + countOf(new BigDecimal("579.00")) + "}")).json();
        assertEquals(List.of("Z", "579.00", "0.00", "NONE"), List.of(z.getString("kind"), z.getString("expectedCash"), z.getString("difference"),
                z.getString("errorLevel")));
        assertEquals(List.of("2", "379.00"), tenderLine(z, "MOBILE"), z::toString);
    }

    @Test
    void aCashierReadsTheXReportOfTheShiftAtTheirOwnCounterOnly() throws SQLException {
        Shop shop = shop();
        String own = newTerminal();
        String other = newTerminal();
        JsonHttp cashier = shop.login("C001", "2468", own);
        JsonHttp colleague = shop.login("C001", "2468", other);
        String ownShift = openShift(cashier, own, "[{\"denomination\":\"100\",\"count\":2}]");
        String otherShift = openShift(colleague, other, "[]");

        List<JsonObject> open = expect(200, cashier.get("shifts?terminalId=" + own + "&status=OPEN")).array().getValuesAs(JsonObject.class);
        assertEquals(List.of(ownShift), open.stream().map(s -> s.getString("id")).toList(), "the cashier finds the shift open at the counter");
        JsonObject x = expect(200, cashier.get("shifts/" + ownShift + "/report")).json();
        assertEquals(List.of("X", own, "200.00"), List.of(x.getString("kind"), x.getString("terminalId"), x.getString("expectedCash")));
        assertProblem(403, "forbidden", cashier.get("shifts/" + otherShift + "/report"), "another counter's shift is the manager's to read");
        assertEquals(other, expect(200, shop.manager().get("shifts/" + otherShift + "/report")).json().getString("terminalId"));
        // the cashier opens the drawer without a sale with a manager's NO_SALE approval, counted in the X report
        expect(200, cashier.post("drawer/no-sale", "{\"approvalId\":\"" + approval(cashier, "NO_SALE", "saleId", UUID.randomUUID().toString())
                + "\",\"reason\":\"换零钱\"}"));
        assertEquals(1, expect(200, cashier.get("shifts/" + ownShift + "/report")).json().getInt("noSales"));
        expect(200, cashier.post("shifts/" + ownShift + "/close", "{\"counted\":" + countOf(new BigDecimal("200.00")) + "}"));
        expect(200, colleague.post("shifts/" + otherShift + "/close", "{\"counted\":[]}"));
    }

    private static List<String> tenderLine(JsonObject report, String tender) {
        JsonObject line = report.getJsonArray("byTender").getValuesAs(JsonObject.class).stream().filter(t -> t.getString("tender").equals(tender))
                .findFirst().orElseThrow(() -> new AssertionError(tender + " in " + report));
        return List.of(String.valueOf(line.getInt("count")), line.getString("amount"));
    }

    private static BigDecimal tenderAmount(JsonObject daily, String tender) {
        return daily.getJsonArray("byTender").getValuesAs(JsonObject.class).stream().filter(t -> t.getString("tender").equals(tender))
                .map(t -> new BigDecimal(t.getString("amount"))).findFirst().orElse(BigDecimal.ZERO);
    }
}
