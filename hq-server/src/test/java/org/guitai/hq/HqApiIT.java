package org.guitai.hq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.guitai.kernel.security.SlowHash;
import org.guitai.kernel.testing.Eventually;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.guitai.kernel.testing.TestDatabase;
import org.guitai.platform.testing.Deployments;
import org.guitai.platform.testing.OpenApiDocuments;
import org.guitai.platform.testing.ProblemChecks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HQ's API over HTTP, on Payara Micro against MariaDB: the analyst's login and its throttling, the
 * stores' event inbox (credential, exactly-once, unreadable events), the chain report with sales and returns, and the
 * staff review.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HqApiIT {

    private static final String CREDENTIAL = "test-credential-of-store-S001";
    /** Business dates of this test's sales: far from any other test's, so the figures are this test's own. */
    private static final LocalDate DAY = LocalDate.of(2031, 3, 14);
    /** Business dates of this test's returns, in a month no other test touches. */
    private static final LocalDate RETURN_DAY = LocalDate.of(2031, 5, 20);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hqServer() {
        return Deployments.builtWar("hq-server.war");
    }

    private JsonHttp api() {
        return Deployments.api(base);
    }

    private JsonHttp analyst() {
        Answer login = api().post("sessions", "{\"staffCode\":\"H001\",\"password\":\"hq-demo-2468\"}");
        assertEquals(201, login.status(), login::toString);
        return api().as(login.json().getString("token"));
    }

    private JsonHttp store(String credential) {
        return api().as(credential);
    }

    @Test
    void reportsReadyWhileTheDatabaseAnswers() throws Exception {
        Answer health = new JsonHttp(base.toURI().resolve("/")).get("health/ready");
        assertEquals(200, health.status(), health::toString);
        assertTrue(health.body().contains("\"database\""), health::toString);
        Answer openapi = new JsonHttp(base.toURI().resolve("/")).get("openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        assertTrue(openapi.json().getJsonObject("paths").containsKey("/api/reports/chain"));
    }

    @Test
    void itsOpenApiDocumentIsValid() throws URISyntaxException {
        Answer openapi = new JsonHttp(base.toURI().resolve("/")).get("openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        assertEquals(List.of(), OpenApiDocuments.validationErrors(openapi.body()), "openapi-generator's validation of the served document");
        assertFalse(openapi.json().containsKey("endpoints"), "Payara's own endpoints member is no OpenAPI");
        assertEquals(Json.createObjectBuilder().add("type", "integer").add("format", "int64").build(),
                openapi.json().getJsonObject("components").getJsonObject("schemas").getJsonObject("ChainReportView")
                        .getJsonObject("properties").get("sales"), "JSON-B writes a long as an integer");
        assertEquals("#/components/schemas/EventBatch", openapi.json().getJsonObject("paths").getJsonObject("/api/stores/{storeId}/events")
                .getJsonObject("post").getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref"), "the store-to-HQ contract of pos-kernel is described");
    }

    @Test
    void theAnalystLogsInWithAPassword() {
        Answer login = api().post("sessions", "{\"staffCode\":\"H001\",\"password\":\"hq-demo-2468\"}");
        assertEquals(201, login.status(), login::toString);
        assertEquals(List.of("HQ_ANALYST"), login.json().getJsonObject("staff").getJsonArray("roles")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        for (String body : List.of("{\"staffCode\":\"H001\",\"password\":\"wrong\"}", "{\"staffCode\":\"H404\",\"password\":\"wrong\"}")) {
            Answer refusal = api().post("sessions", body);
            assertEquals(401, refusal.status(), refusal::toString);
            assertTrue(refusal.isProblem(), refusal::toString);
            assertEquals("urn:guitai:problem:invalid-credentials", refusal.json().getString("type"));
            assertFalse(refusal.json().getString("detail").contains("H404") || refusal.json().getString("detail").contains("H001"),
                    "the answer does not say whether the code exists: " + refusal);
        }
    }

    @Test
    void malformedOrIncompleteLoginsAre400AndStartNoSession() throws SQLException {
        long sessions = count("select count(*) from hq_session");
        for (String body : List.of("{\"staffCode\":\"H001\",\"password\":", "{\"staffCode\":\"H001\"}", "[]", "")) {
            Answer refusal = api().post("sessions", body);
            assertEquals(400, refusal.status(), refusal::toString);
            assertTrue(refusal.isProblem(), refusal::toString);
        }
        assertEquals(sessions, count("select count(*) from hq_session"));
    }

    @Test
    void reportsNeedASession() {
        Answer refusal = api().get("reports/chain");
        assertEquals(401, refusal.status(), refusal::toString);
        assertTrue(refusal.isProblem());
    }

    @Test
    void refusesEventsWithoutTheStoresCredential() throws SQLException {
        long inbox = count("select count(*) from inbox");
        for (JsonHttp caller : List.of(store("wrong-credential-of-store-S001"), api(), store(CREDENTIAL + "x"))) {
            Answer refusal = caller.post("stores/S001/events", batch(saleEvent(UUID.randomUUID(), UUID.randomUUID(), "10.00")));
            assertEquals(401, refusal.status(), refusal::toString);
            assertEquals("urn:guitai:problem:store-not-authenticated", refusal.json().getString("type"));
        }
        Answer otherStore = store(CREDENTIAL).post("stores/S002/events", batch(saleEvent(UUID.randomUUID(), UUID.randomUUID(), "10.00")));
        assertEquals(401, otherStore.status(), "S001's credential does not open S002's inbox");
        assertEquals(inbox, count("select count(*) from inbox"));
    }

    @Test
    void recordsEachEventOnceHoweverOftenItIsDelivered() throws Exception {
        LocalDate day = DAY;
        UUID event = UUID.randomUUID();
        JsonObject sale = saleEvent(event, UUID.randomUUID(), "558.00", day);

        Answer first = store(CREDENTIAL).post("stores/S001/events", batch(sale));
        assertEquals(200, first.status(), first::toString);
        assertEquals(List.of(event.toString()), ids(first.json().getJsonArray("accepted")));

        Answer again = store(CREDENTIAL).post("stores/S001/events", batch(sale));
        assertEquals(List.of(event.toString()), ids(again.json().getJsonArray("accepted")), "a redelivery is acknowledged again");

        ExecutorService stores = Executors.newFixedThreadPool(8);
        UUID raced = UUID.randomUUID();
        JsonObject racedSale = saleEvent(raced, UUID.randomUUID(), "100.00", day);
        try {
            java.util.concurrent.Callable<Answer> deliver = () -> store(CREDENTIAL).post("stores/S001/events", batch(racedSale));
            for (Future<Answer> answer : stores.invokeAll(Collections.nCopies(8, deliver))) {
                assertEquals(200, answer.get().status(), answer.get()::toString);
                assertEquals(List.of(raced.toString()), ids(answer.get().json().getJsonArray("accepted")));
            }
        } finally {
            stores.shutdown();
        }
        assertEquals(1, count("select count(*) from inbox where event_id = ?", event.toString()));
        assertEquals(1, count("select count(*) from inbox where event_id = ?", raced.toString()));

        JsonObject report = analyst().get("reports/chain?from=" + day + "&to=" + day).json();
        JsonObject s001 = storeFigures(report, "S001");
        assertEquals(2, s001.getInt("sales"));
        assertEquals("658.00", s001.getString("total"));
        assertEquals(0, storeFigures(report, "S002").getInt("sales"), "every store appears, also without sales");
        assertEquals("658.00", report.getString("total"));
        assertEquals("CNY", report.getString("currency"));
    }

    @Test
    void unreadableEventsAreRejectedWithoutHoldingBackTheOthers() throws SQLException {
        UUID good = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        UUID badAmount = UUID.randomUUID();
        JsonObject strange = Json.createObjectBuilder().add("id", unknownType.toString()).add("type", "SomethingElse")
                .add("occurredAt", "2031-03-15T02:00:00Z").build();
        JsonObject broken = Json.createObjectBuilder(saleEvent(badAmount, UUID.randomUUID(), "10.00", DAY.plusDays(1)))
                .add("saleCompleted", Json.createObjectBuilder(saleEvent(badAmount, UUID.randomUUID(), "10.00", DAY.plusDays(1))
                        .getJsonObject("saleCompleted")).add("total", "ten yuan")).build();
        Answer answer = store(CREDENTIAL).post("stores/S001/events",
                batch(strange, saleEvent(good, UUID.randomUUID(), "20.00", DAY.plusDays(1)), broken));
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(List.of(good.toString()), ids(answer.json().getJsonArray("accepted")));
        List<String> rejected = answer.json().getJsonArray("rejected").getValuesAs(JsonObject.class).stream().map(r -> r.getString("id")).toList();
        assertEquals(List.of(unknownType.toString(), badAmount.toString()), rejected);
        assertEquals(0, count("select count(*) from inbox where event_id in (?, ?)", unknownType.toString(), badAmount.toString()));
        assertEquals(1, count("select count(*) from sale_fact where event_id = ?", good.toString()));
    }

    // --- returns ------------------------------------------------------------------------------------

    @Test
    void recordsAReturnOnceAlsoInABatchWithItsSaleAndTheChainReportShowsItPerStoreAndForTheChain() throws SQLException {
        LocalDate day = RETURN_DAY.minusDays(5);
        UUID saleEvent = UUID.randomUUID();
        UUID sale = UUID.randomUUID();
        UUID returnEvent = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        JsonObject refunded = returnEvent(returnEvent, returnId, sale, day, "QUALITY", "RC1", null, "279.00",
                refund("CASH", "200.00"), refund("CARD", "79.00"));

        Answer first = store(CREDENTIAL).post("stores/S001/events", batch(saleEvent(saleEvent, sale, "558.00", day, "RC1"), refunded));
        assertEquals(200, first.status(), first::toString);
        assertEquals(List.of(saleEvent.toString(), returnEvent.toString()), ids(first.json().getJsonArray("accepted")));
        assertEquals(0, first.json().getJsonArray("rejected").size(), first::toString);

        Answer again = store(CREDENTIAL).post("stores/S001/events", batch(refunded));
        assertEquals(200, again.status(), again::toString);
        assertEquals(List.of(returnEvent.toString()), ids(again.json().getJsonArray("accepted")), "a redelivery is acknowledged again");
        UUID otherEvent = UUID.randomUUID();
        Answer sameReturnAnotherEvent = store(CREDENTIAL).post("stores/S001/events",
                batch(returnEvent(otherEvent, returnId, sale, day, "QUALITY", "RC1", null, "279.00", refund("CASH", "279.00"))));
        assertEquals(200, sameReturnAnotherEvent.status(), sameReturnAnotherEvent::toString);
        assertEquals(List.of(otherEvent.toString()), sameReturnAnotherEvent.json().getJsonArray("rejected").getValuesAs(JsonObject.class)
                .stream().map(r -> r.getString("id")).toList(), "a return is kept once, whichever event brings it");

        assertEquals(1, count("select count(*) from inbox where store_id = 'S001' and event_id = ?", returnEvent.toString()));
        assertEquals(0, count("select count(*) from inbox where event_id = ?", otherEvent.toString()));
        assertEquals(1, count("select count(*) from return_fact where store_id = 'S001' and return_id = ? and event_id = ? and refunded = 279.00"
                + " and reason = 'QUALITY' and credited_staff = 'RC1' and responsible_staff is null and business_date = ?",
                returnId.toString(), returnEvent.toString(), day.toString()));
        assertEquals(1, count("select count(*) from return_fact_line where return_id = ? and quantity = 1 and amount = 279.00"
                + " and disposition = 'RESTOCK'", returnId.toString()));
        assertEquals(2, count("select count(*) from return_fact_refund where return_id = ?", returnId.toString()));
        assertEquals(1, count("select count(*) from return_fact_refund where return_id = ? and position = 1 and tender = 'CARD' and amount = 79.00",
                returnId.toString()));

        JsonObject report = analyst().get("reports/chain?from=" + day + "&to=" + day).json();
        JsonObject s001 = storeFigures(report, "S001");
        assertEquals(1, s001.getInt("sales"));
        assertEquals("558.00", s001.getString("total"), "the total stays what the sales came to");
        assertEquals(1, s001.getInt("returns"));
        assertEquals("279.00", s001.getString("refunded"));
        assertEquals("279.00", s001.getString("net"));
        JsonObject s002 = storeFigures(report, "S002");
        assertEquals(0, s002.getInt("returns"), "every store appears, also without returns");
        assertEquals("0.00", s002.getString("refunded"));
        assertEquals(1, report.getInt("returns"));
        assertEquals("279.00", report.getString("refunded"));
        assertEquals("558.00", report.getString("total"));
        assertEquals(1, report.getInt("sales"));

        JsonObject dayBefore = analyst().get("reports/chain?from=" + day.minusDays(1) + "&to=" + day.minusDays(1)).json();
        assertEquals(0, dayBefore.getInt("returns"), "returns are counted by their own business date");
        assertEquals("0.00", dayBefore.getString("refunded"));
    }

    @Test
    void unreadableReturnsAreRejectedWithTheirReasonAndKeepNothing() throws SQLException {
        UUID staffErrorWithoutStaff = UUID.randomUUID();
        UUID notAddingUp = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        UUID otherReturn = UUID.randomUUID();
        Answer answer = store(CREDENTIAL).post("stores/S001/events", batch(
                returnEvent(staffErrorWithoutStaff, returnId, UUID.randomUUID(), RETURN_DAY, "STAFF_ERROR", "RC9", null, "10.00",
                        refund("CASH", "10.00")),
                returnEvent(notAddingUp, otherReturn, UUID.randomUUID(), RETURN_DAY, "QUALITY", "RC9", null, "10.00", refund("CASH", "9.00"))));
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(List.of(), ids(answer.json().getJsonArray("accepted")));
        List<JsonObject> rejected = answer.json().getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertEquals(List.of(staffErrorWithoutStaff.toString(), notAddingUp.toString()), rejected.stream().map(r -> r.getString("id")).toList());
        assertTrue(rejected.get(0).getString("reason").contains("responsibleStaff"), rejected::toString);
        assertTrue(rejected.get(1).getString("reason").contains("the refunds add up to 9.00"), rejected::toString);
        assertEquals(0, count("select count(*) from return_fact where return_id in (?, ?)", returnId.toString(), otherReturn.toString()));
        assertEquals(0, count("select count(*) from inbox where event_id in (?, ?)", staffErrorWithoutStaff.toString(), notAddingUp.toString()));
    }

    @Test
    void theStaffReviewShowsNetSalesAndTheStaffErrorsAttributedToEachMember() {
        UUID saleA = UUID.randomUUID();
        UUID saleB = UUID.randomUUID();
        UUID served = UUID.randomUUID();
        Answer delivered = store(CREDENTIAL).post("stores/S001/events", batch(
                saleEvent(UUID.randomUUID(), saleA, "300.00", RETURN_DAY, "RA1"),
                saleEvent(UUID.randomUUID(), saleB, "200.00", RETURN_DAY, "RA1"),
                saleEvent(UUID.randomUUID(), served, "80.00", RETURN_DAY, "RA1", "RS3"),
                returnEvent(UUID.randomUUID(), UUID.randomUUID(), served, RETURN_DAY, "QUALITY", "RS3", null, "30.00", refund("CASH", "30.00")),
                returnEvent(UUID.randomUUID(), UUID.randomUUID(), saleA, RETURN_DAY, "STAFF_ERROR", "RA1", "RB2", "120.00", refund("CASH", "120.00")),
                returnEvent(UUID.randomUUID(), UUID.randomUUID(), saleB, RETURN_DAY.plusDays(1), "CHANGE_OF_MIND", "RA1", null, "30.00",
                        refund("MOBILE", "30.00")),
                returnEvent(UUID.randomUUID(), UUID.randomUUID(), saleB, RETURN_DAY.plusDays(1), "STAFF_ERROR", "RA1", "RB2", "20.00",
                        refund("CASH", "20.00"))));
        assertEquals(200, delivered.status(), delivered::toString);
        assertEquals(7, delivered.json().getJsonArray("accepted").size(), delivered::toString);

        Answer review = analyst().get("reports/staff?month=2031-05");
        assertEquals(200, review.status(), review::toString);
        List<JsonObject> lines = Json.createReader(new java.io.StringReader(review.body())).readArray().getValuesAs(JsonObject.class);
        JsonObject seller = member(lines, "S001", "RA1");
        assertEquals("330.00", seller.getString("sales"), "300 + 200 sold, less 120 + 30 + 20 refunded");
        assertEquals("500.00", seller.getString("grossSales"));
        assertEquals("170.00", seller.getString("refunded"));
        assertEquals(2, seller.getInt("transactions"), "the sale an associate served is credited to the associate");
        assertEquals("2", seller.getString("units"));
        assertEquals("250.00", seller.getString("averageTicket"));
        assertEquals(0, seller.getInt("returns"), "the returns of their sales are no staff errors of theirs");
        JsonObject responsible = member(lines, "S001", "RB2");
        assertEquals(2, responsible.getInt("returns"), "the two STAFF_ERROR returns, not the change of mind");
        assertEquals("0.00", responsible.getString("sales"));
        assertEquals(0, responsible.getInt("transactions"));
        JsonObject associate = member(lines, "S001", "RS3");
        assertEquals("50.00", associate.getString("sales"), "80 served, less 30 refunded");
        assertEquals(1, associate.getInt("transactions"));

        assertEquals(List.of(), Json.createReader(new java.io.StringReader(analyst().get("reports/staff?month=2031-04").body())).readArray()
                .getValuesAs(JsonObject.class).stream().filter(l -> l.getString("staffCode").startsWith("R")).toList(), "another month");
        Answer bad = analyst().get("reports/staff?month=May");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("urn:guitai:problem:invalid-request", bad.json().getString("type"));
        assertEquals(401, api().get("reports/staff?month=2031-05").status(), "the review needs a session");
    }

    @Test
    void malformedBatchesAre400() {
        Answer refusal = store(CREDENTIAL).post("stores/S001/events", "{\"storeId\":\"S001\",\"events\":[{\"id\":");
        assertEquals(400, refusal.status(), refusal::toString);
        assertTrue(refusal.isProblem());
        Answer mismatch = store(CREDENTIAL).post("stores/S001/events", "{\"storeId\":\"S002\",\"events\":[]}");
        assertEquals(400, mismatch.status(), mismatch::toString);
    }

    @Test
    void reportDatesAreChecked() {
        JsonHttp analyst = analyst();
        assertEquals(400, analyst.get("reports/chain?from=2031-03-15&to=2031-03-14").status());
        Answer bad = analyst.get("reports/chain?from=yesterday");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("urn:guitai:problem:invalid-request", bad.json().getString("type"));
        Answer today = analyst.get("reports/chain");
        assertEquals(200, today.status(), today::toString);
        assertEquals(today.json().getString("from"), today.json().getString("to"));
    }

    // --- login throttling ----------------------------------------------------------------------------

    @Test
    void quietFailuresAndExpiredLocksAreForgottenAtTheNextAttempt() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = TestDatabase.get().connect(); PreparedStatement s = c.prepareStatement(
                "insert into hq_login_throttle (staff_code, failures, last_failure_at, locked_until) values "
                        + "(?, 3, utc_timestamp(6) - interval 16 minute, null), "
                        + "(?, 6, utc_timestamp(6) - interval 2 day, utc_timestamp(6) - interval 1 second), "
                        + "(?, 6, utc_timestamp(6) - interval 1 minute, utc_timestamp(6) + interval 14 minute), "
                        + "(?, 2, utc_timestamp(6) - interval 14 minute, null)")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, "Q" + i + "-" + tag);
            }
            s.executeUpdate();
        }
        assertProblem(401, "invalid-credentials", api().post("sessions", login("Q0-" + tag, "not-the-password")));
        // quiet for longer than the lock (15 minutes here) or past the lock: gone; still locked, or failed lately: kept
        assertEquals(0, count("select count(*) from hq_login_throttle where staff_code in (?, ?)", "Q1-" + tag, "Q2-" + tag));
        assertEquals(2, count("select count(*) from hq_login_throttle where staff_code in (?, ?)", "Q3-" + tag, "Q4-" + tag));
        assertProblem(423, "login-locked", api().post("sessions", login("Q3-" + tag, "not-the-password")));
        assertEquals(1, count("select count(*) from hq_login_throttle where staff_code = ? and failures = 1", "Q0-" + tag));
    }

    @Test
    void wrongPasswordsSlowACodeDownThenLockItJustTheSameForCodesThatDoNotExist() throws SQLException {
        String known = "T-" + UUID.randomUUID().toString().substring(0, 8);
        enrol(known, "right-password-1");
        String unknown = "T-" + UUID.randomUUID().toString().substring(0, 8);

        List<Answer> toKnown = guessUntilLocked(known);
        List<Answer> toUnknown = guessUntilLocked(unknown);
        assertEquals(toKnown.stream().map(HqApiIT::shape).toList(), toUnknown.stream().map(HqApiIT::shape).toList(),
                "the answers do not tell which code exists");

        Answer rightButLocked = api().post("sessions", login(known, "right-password-1"));
        assertProblem(423, "login-locked", rightButLocked);
        for (String code : List.of(known, unknown)) {
            assertEquals(1, count("select count(*) from hq_login_throttle where staff_code = ? and failures = 6 and locked_until > utc_timestamp(6)", code));
            assertEquals(6, count("select count(*) from hq_login_failure where staff_code = ? and outcome = 'INVALID_CREDENTIALS'", code));
            assertEquals(1, count("select count(*) from hq_login_failure where staff_code = ? and outcome = 'LOCKED' and failures = 6", code));
            assertTrue(count("select count(*) from hq_login_failure where staff_code = ? and outcome = 'REFUSED_SLOWED'", code) >= 3);
            assertTrue(count("select count(*) from hq_login_failure where staff_code = ? and outcome = 'REFUSED_LOCKED'", code) >= 1);
        }
        assertEquals(0, count("select count(*) from hq_session where staff_code = ?", known));
    }

    @Test
    void theRightPasswordForgivesEarlierWrongOnes() throws SQLException {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        enrol(code, "right-password-2");
        for (int i = 0; i < 2; i++) {
            assertProblem(401, "invalid-credentials", api().post("sessions", login(code, "wrong")));
        }
        Answer login = api().post("sessions", login(code, "right-password-2"));
        assertEquals(201, login.status(), login::toString);
        assertEquals(code, login.json().getJsonObject("staff").getString("code"));
        assertEquals(0, count("select count(*) from hq_login_throttle where staff_code = ?", code), "the failures are forgiven");
        assertEquals(2, count("select count(*) from hq_login_failure where staff_code = ? and outcome = 'INVALID_CREDENTIALS'", code));
        assertEquals(1, count("select count(*) from hq_session where staff_code = ?", code));
    }

    @Test
    void concurrentGuessesAreEachCountedWhileTheSlowHashRuns() throws Exception {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService guessers = Executors.newFixedThreadPool(8);
        List<Answer> answers = new java.util.ArrayList<>();
        try {
            java.util.concurrent.Callable<Answer> guess = () -> api().post("sessions", login(code, "guess"));
            for (Future<Answer> answer : guessers.invokeAll(Collections.nCopies(8, guess))) {
                answers.add(answer.get());
            }
        } finally {
            guessers.shutdown();
        }
        for (Answer answer : answers) {
            assertTrue(List.of(401, 429, 423).contains(answer.status()), answer::toString);
            assertTrue(answer.isProblem(), answer::toString);
        }
        long wrong = answers.stream().filter(a -> a.status() == 401).count();
        assertTrue(wrong >= 1, answers::toString);
        assertEquals(wrong, count("select failures from hq_login_throttle where staff_code = ?", code), "every checked guess was counted");
        assertEquals(wrong, count("select count(*) from hq_login_failure where staff_code = ? and outcome = 'INVALID_CREDENTIALS'", code));
    }

    /** Free attempts, then a delay after each further failure (refused with 429 while it lasts), then the lock. */
    private List<Answer> guessUntilLocked(String code) {
        List<Answer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(assertProblem(401, "invalid-credentials", api().post("sessions", login(code, "wrong"))));
        }
        for (int i = 0; i < 3; i++) {
            Answer slowed = assertProblem(429, "login-throttled", api().post("sessions", login(code, "wrong")));
            assertEquals(1, slowed.json().getInt("retryAfterSeconds"), slowed::toString);
            assertEquals("1", slowed.header("Retry-After").orElseThrow(), slowed::toString);
            answers.add(slowed);
            // refused attempts are not counted: guess again until the delay is over
            Answer next = Eventually.until(Duration.ofSeconds(10), "the delay over", () -> api().post("sessions", login(code, "wrong")),
                    a -> a.status() != 429);
            answers.add(assertProblem(401, "invalid-credentials", next));
        }
        Answer locked = assertProblem(423, "login-locked", api().post("sessions", login(code, "wrong")));
        assertTrue(Long.parseLong(locked.header("Retry-After").orElseThrow()) > 60, locked::toString);
        answers.add(locked);
        return answers;
    }

    /** What a caller can tell from an answer, leaving out the instants that differ from call to call. */
    private static String shape(Answer answer) {
        JsonObject problem = answer.json();
        return answer.status() + " " + problem.getString("type") + " " + problem.getString("title") + " "
                + (answer.status() == 423 ? "" : problem.getString("detail")) + " " + new java.util.TreeSet<>(problem.keySet());
    }

    private static Answer assertProblem(int status, String slug, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertEquals("urn:guitai:problem:" + slug, answer.json().getString("type"), answer::toString);
        return answer;
    }

    private static String login(String code, String password) {
        return Json.createObjectBuilder().add("staffCode", code).add("password", password).build().toString();
    }

    /** An HQ analyst of this test's own, so locking them locks out no other test. */
    private static void enrol(String code, String password) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement s = c.prepareStatement(
                "insert into hq_staff (code, name, roles, password_hash, active, created_at) values (?, ?, 'HQ_ANALYST', ?, true, utc_timestamp(6))")) {
            s.setString(1, code);
            s.setString(2, "Test analyst " + code);
            s.setString(3, SlowHash.hash(password));
            s.executeUpdate();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static JsonObject saleEvent(UUID eventId, UUID saleId, String total) {
        return saleEvent(eventId, saleId, total, DAY.minusDays(100));
    }

    private static JsonObject saleEvent(UUID eventId, UUID saleId, String total, LocalDate day) {
        return saleEvent(eventId, saleId, total, day, "C001");
    }

    private static JsonObject saleEvent(UUID eventId, UUID saleId, String total, LocalDate day, String cashier) {
        return saleEvent(eventId, saleId, total, day, cashier, null);
    }

    private static JsonObject saleEvent(UUID eventId, UUID saleId, String total, LocalDate day, String cashier, String associate) {
        String at = day + "T02:00:00Z";
        return Json.createObjectBuilder()
                .add("id", eventId.toString())
                .add("type", "SaleCompleted")
                .add("occurredAt", at)
                .add("saleCompleted", Json.createObjectBuilder()
                        .add("saleId", saleId.toString())
                        .add("terminalId", "T1")
                        .add("cashier", cashier)
                        .add("slipNumber", 7)
                        .add("completedAt", at)
                        .add("businessDate", day.toString())
                        .add("currency", "CNY")
                        .add("total", total)
                        .add("tax", "0.00")
                        .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("lineId", UUID.randomUUID().toString()).add("sku", "E00002").add("quantity", "1")
                                .add("unitPrice", total).add("amount", total).add("vatRate", "0.13")))
                        .add("tenders", Json.createArrayBuilder().add(Json.createObjectBuilder().add("tender", "CASH").add("amount", total)))
                        .addAll(associate == null ? Json.createObjectBuilder() : Json.createObjectBuilder().add("associate", associate)))
                .build();
    }

    /** A return of one unit of the sale's one line, refunded by the tenders given (in that order). */
    private static JsonObject returnEvent(UUID eventId, UUID returnId, UUID saleId, LocalDate day, String reason, String credited,
                                          String responsible, String refunded, JsonObject... refunds) {
        String at = day + "T03:00:00Z";
        var tenders = Json.createArrayBuilder();
        for (JsonObject refund : refunds) {
            tenders.add(refund);
        }
        var r = Json.createObjectBuilder()
                .add("returnId", returnId.toString())
                .add("saleId", saleId.toString())
                .add("terminalId", "T1")
                .add("cashier", "C001")
                .add("reason", reason)
                .add("creditedStaff", credited)
                .add("completedAt", at)
                .add("businessDate", day.toString())
                .add("currency", "CNY")
                .add("refunded", refunded)
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("saleLineId", UUID.randomUUID().toString())
                        .add("sku", "E00002").add("quantity", "1").add("amount", refunded).add("disposition", "RESTOCK")))
                .add("refunds", tenders);
        if (responsible != null) {
            r.add("responsibleStaff", responsible);
        }
        return Json.createObjectBuilder().add("id", eventId.toString()).add("type", "ReturnCompleted").add("occurredAt", at)
                .add("returnCompleted", r).build();
    }

    private static JsonObject refund(String tender, String amount) {
        return Json.createObjectBuilder().add("tender", tender).add("amount", amount).build();
    }

    private static JsonObject member(List<JsonObject> review, String storeId, String staffCode) {
        return review.stream().filter(l -> l.getString("storeId").equals(storeId) && l.getString("staffCode").equals(staffCode)).findFirst()
                .orElseThrow(() -> new AssertionError(storeId + "/" + staffCode + " not in " + review));
    }

    private static String batch(JsonObject... events) {
        var array = Json.createArrayBuilder();
        for (JsonObject event : events) {
            array.add(event);
        }
        return Json.createObjectBuilder().add("storeId", "S001").add("events", array).build().toString();
    }

    private static List<String> ids(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static JsonObject storeFigures(JsonObject report, String storeId) {
        return report.getJsonArray("stores").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("storeId").equals(storeId)).findFirst().orElseThrow();
    }

    private static long count(String sql, Object... parameters) {
        return TestDatabase.get().count(sql, parameters);
    }

    /** Each way a request fails is answered by HQ as by every server (the platform's mapping, over HTTP). */
    @Test
    void answersEveryFailureAsEveryServerDoes() {
        ProblemChecks.everyFailureIsAnsweredAlike(api(), true);
    }
}
