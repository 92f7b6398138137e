package org.guitai.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.guitai.kernel.testing.Eventually;
import org.guitai.platform.testing.Deployments;
import org.guitai.platform.testing.OpenApiDocuments;
import org.guitai.platform.testing.ProblemChecks;
import org.guitai.terminal.StandInStore.Call;
import org.guitai.terminal.StandInStore.Reply;
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
 * The counter terminal's WAR on Payara Micro, as terminal T1 of a stand-in store: its health and
 * documents, the cashier page, and its way through to the store, which must hand every call on
 * exactly as the page made it and every answer back exactly as the store gave it, bytes and the
 * headers a client needs included, and say so with a 503 problem when the store is away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TerminalIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static StandInStore store;

    @ArquillianResource
    URL base;

    /** Deployed as ROOT.war, as ./guitai serves it (context root /): the cashier opens http://host:port/. */
    @Deployment(testable = false)
    static WebArchive terminal() {
        return Deployments.builtWar("ROOT.war");
    }

    @BeforeAll
    static void startTheStore() throws IOException {
        store = StandInStore.start();
    }

    @AfterAll
    static void stopTheStore() {
        store.close();
    }

    // --- the terminal itself ---------------------------------------------------------------------

    @Test
    void isLiveAndReadyNamingItsChecks() {
        HttpResponse<byte[]> live = send(get("health/live"));
        assertEquals(200, live.statusCode(), () -> describe(live));
        assertEquals("UP", json(live).getString("status"));
        assertEquals("UP", check(json(live), "pos-terminal").getString("status"));

        HttpResponse<byte[]> ready = send(get("health/ready"));
        assertEquals(200, ready.statusCode(), () -> describe(ready));
        assertEquals("UP", json(ready).getString("status"));
        JsonObject terminal = check(json(ready), "terminal");
        assertEquals("UP", terminal.getString("status"));
        assertEquals("T1", terminal.getJsonObject("data").getString("terminalId"));
        assertEquals(store.url(), terminal.getJsonObject("data").getString("store"));
    }

    @Test
    void servesItsOpenApiDocument() {
        HttpResponse<byte[]> openapi = send(get("openapi?format=JSON"));
        assertEquals(200, openapi.statusCode(), () -> describe(openapi));
        JsonObject paths = json(openapi).getJsonObject("paths");
        assertTrue(paths.containsKey("/api/terminal"), paths.keySet().toString());
        assertTrue(paths.keySet().stream().anyMatch(p -> p.startsWith("/api/store/")), paths.keySet().toString());
    }

    @Test
    void itsOpenApiDocumentIsValid() {
        HttpResponse<byte[]> openapi = send(get("openapi?format=JSON"));
        assertEquals(200, openapi.statusCode(), () -> describe(openapi));
        assertEquals(List.of(), OpenApiDocuments.validationErrors(text(openapi)), "openapi-generator's validation of the served document");
        JsonObject document = json(openapi);
        assertFalse(document.containsKey("endpoints"), "Payara's own endpoints member is no OpenAPI");
        // the pass-through's template {path: .+} is declared as the path parameter it is
        JsonObject passThrough = document.getJsonObject("paths").getJsonObject("/api/store/{path}");
        assertEquals("path", passThrough.getJsonArray("parameters").getJsonObject(0).getString("name"), passThrough::toString);
        assertEquals(List.of("storeGatewayDelete", "storeGatewayGet", "storeGatewayPatch", "storeGatewayPost", "storeGatewayPut"),
                passThrough.entrySet().stream().filter(e -> !e.getKey().equals("parameters"))
                        .map(e -> e.getValue().asJsonObject().getString("operationId")).sorted().toList());
    }

    @Test
    void servesTheCashierPageAtTheRoot() {
        HttpResponse<byte[]> page = send(get("").header("Accept", "text/html"));
        assertEquals(200, page.statusCode(), () -> describe(page));
        assertTrue(contentType(page).startsWith("text/html"), () -> describe(page));
        assertTrue(text(page).contains("柜台"), "the cashier page");
        assertTrue(text(page).contains("js/cashier.js"), "the page loads its script");
        HttpResponse<byte[]> script = send(get("js/core.js"));
        assertEquals(200, script.statusCode(), () -> describe(script));
        assertTrue(text(script).contains("api/store/"), "the script calls the store through the terminal");
        HttpResponse<byte[]> bundle = send(get("i18n/en.json"));
        assertEquals(200, bundle.statusCode(), () -> describe(bundle));
        assertEquals("Cash", json(bundle).getString("tender.CASH"));
    }

    @Test
    void writesAnAmountInChineseUppercaseForTheInvoicePreview() {
        HttpResponse<byte[]> words = send(get("api/amounts/in-words?amount=1409.50"));
        assertEquals(200, words.statusCode(), () -> describe(words));
        assertEquals("壹仟肆佰零玖元伍角", json(words).getString("inWords"));
        HttpResponse<byte[]> refused = send(get("api/amounts/in-words?amount=12.345"));
        assertEquals(400, refused.statusCode(), () -> describe(refused));
    }

    @Test
    void saysWhichTerminalItIsAndWhichStoreItSellsThrough() {
        HttpResponse<byte[]> terminal = send(get("api/terminal"));
        assertEquals(200, terminal.statusCode(), () -> describe(terminal));
        assertTrue(contentType(terminal).startsWith("application/json"), () -> describe(terminal));
        assertEquals("T1", json(terminal).getString("terminalId"));
        assertEquals(store.url(), json(terminal).getString("storeUrl"));
    }

    // --- every method passes through ----------------------------------------------------------------

    @Test
    void passesAGetThrough() {
        assertPassedThrough("GET", null, 200);
    }

    @Test
    void passesAPostThrough() {
        assertPassedThrough("POST", "{\"id\":\"" + UUID.randomUUID() + "\",\"名称\":\"电饭煲 3L\"}", 201);
    }

    @Test
    void passesAPutThrough() {
        assertPassedThrough("PUT", "{\"target\":\"12000.00\",\"staff\":\"A001\"}", 200);
    }

    @Test
    void passesAPatchThrough() {
        assertPassedThrough("PATCH", "{\"phone\":\"021-6234 5678\"}", 200);
    }

    /** Without a body: Payara's HTTP listener refuses a DELETE (or GET) that has one with a bare 400, before any application. */
    @Test
    void passesADeleteThrough() {
        assertPassedThrough("DELETE", null, 200);
    }

    /**
     * One call of this method through the terminal, with a token, a query that must not be
     * re-encoded (a repeated key, an empty value, a plus, escaped UTF-8) and maybe a body; the store
     * gets exactly that, and its status, body, Content-Type, Location and Retry-After come back.
     */
    private void assertPassedThrough(String method, String body, int status) {
        String id = UUID.randomUUID().toString();
        String path = "/api/things/" + id;
        String query = "q=%E7%94%B5%E9%A5%AD%E7%85%B2+3L&tag=a&tag=b&empty=&sign=%2B1";
        String answer = "{\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"note\":\"收您300.00元\"}";
        store.answer(path, Reply.of(status)
                .with("Location", store.url() + path + "/made?at=1")
                .with("Retry-After", "120")
                .body("application/vnd.guitai.thing+json; charset=UTF-8", answer));
        String token = "Bearer token-of-" + id;

        HttpRequest.Builder request = terminal("api/store/things/" + id + "?" + query)
                .header("Authorization", token)
                .header("Accept", "application/vnd.guitai.thing+json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        HttpResponse<byte[]> response = send(request);

        assertEquals(1, store.callsTo(path).size(), () -> "calls that reached the store; the terminal answered " + describe(response));
        Call call = store.onlyCallTo(path);
        assertEquals(method, call.method());
        assertEquals(query, call.rawQuery());
        assertEquals(Optional.of(token), call.header("Authorization"));
        assertEquals(Optional.of("application/vnd.guitai.thing+json, application/problem+json"), call.header("Accept"));
        if (body == null) {
            assertEquals(0, call.body().length, "no body for the store");
            assertEquals(Optional.empty(), call.header("Content-Type"));
        } else {
            assertEquals(body, new String(call.body(), StandardCharsets.UTF_8));
            assertEquals(Optional.of("application/json; charset=UTF-8"), call.header("Content-Type"));
        }

        assertEquals(status, response.statusCode(), () -> describe(response));
        assertEquals(answer, text(response));
        assertSameMediaType("application/vnd.guitai.thing+json; charset=UTF-8", contentType(response));
        assertEquals(Optional.of("120"), response.headers().firstValue("Retry-After"));
        assertEquals(Optional.of(root().resolve("api/store/things/" + id + "/made?at=1").toString()),
                response.headers().firstValue("Location"), "a Location in the store's API, behind the terminal");
    }

    @Test
    void matrixParametersAndEscapesInThePathReachTheStoreAsSent() {
        String id = UUID.randomUUID().toString();
        String path = "/api/catalog;v=2/%E7%94%B5%E9%A5%AD%E7%85%B2;colour=%E7%99%BD/" + id;
        store.answer(path, Reply.of(200).body("application/json", "[]"));
        HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length())));
        assertEquals(200, response.statusCode(), () -> describe(response));
        assertEquals("GET", store.onlyCallTo(path).method());
    }

    @Test
    void aLocationOutsideTheStoresApiComesBackUnchanged() {
        String path = "/api/elsewhere/" + UUID.randomUUID();
        store.answer(path, Reply.of(303).with("Location", "https://fapiao.example.cn/check?n=0012"));
        HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length())).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(303, response.statusCode(), () -> describe(response));
        assertEquals(Optional.of("https://fapiao.example.cn/check?n=0012"), response.headers().firstValue("Location"));
        assertEquals("POST", store.onlyCallTo(path).method());
    }

    @Test
    void aNoContentAnswerComesBackWithoutABody() {
        String path = "/api/sessions/current-" + UUID.randomUUID();
        store.answer(path, Reply.of(204));
        HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length())).DELETE().header("Authorization", "Bearer t"));
        assertEquals(204, response.statusCode(), () -> describe(response));
        assertEquals(0, response.body().length);
        assertEquals(Optional.of("Bearer t"), store.onlyCallTo(path).header("Authorization"));
    }

    // --- refusals, images and headers ---------------------------------------------------------------

    @Test
    void theStoresRefusalsComeBackWithTheirRetryAfter() {
        Map<Integer, String> refusals = Map.of(429, "login-throttled", 423, "login-locked", 503, "hq-unavailable");
        for (var refusal : refusals.entrySet()) {
            String path = "/api/refusals/" + refusal.getKey() + "-" + UUID.randomUUID();
            String problem = "{\"type\":\"urn:guitai:problem:" + refusal.getValue() + "\",\"title\":\"Wait\",\"status\":" + refusal.getKey()
                    + ",\"detail\":\"try again in 42 s\"}";
            store.answer(path, Reply.of(refusal.getKey()).with("Retry-After", "42").body("application/problem+json", problem));
            HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"staffCode\":\"C001\"}")));
            assertEquals(refusal.getKey(), response.statusCode(), () -> describe(response));
            assertSameMediaType("application/problem+json", contentType(response));
            assertEquals(problem, text(response), "the store's own problem, not one of the terminal's");
            assertEquals(Optional.of("42"), response.headers().firstValue("Retry-After"));
        }
    }

    @Test
    void anImageArrivesByteForByteWithItsHeaders() throws IOException {
        String path = "/api/sales/" + UUID.randomUUID() + "/slip.png";
        byte[] png = samplePng();
        store.answer(path, Reply.of(200)
                .with("Content-Disposition", "inline; filename=\"slip-000123.png\"")
                .with("Cache-Control", "private, max-age=60")
                .body("image/png", png));
        HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length())).header("Accept", "image/png"));
        assertEquals(200, response.statusCode(), () -> describe(response));
        assertEquals("image/png", contentType(response));
        assertArrayEquals(png, response.body(), "the PNG byte for byte");
        assertEquals(Optional.of("inline; filename=\"slip-000123.png\""), response.headers().firstValue("Content-Disposition"));
        assertEquals(Optional.of("private, max-age=60"), response.headers().firstValue("Cache-Control"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertEquals(120, image.getWidth());
        assertEquals(0xFF000000, image.getRGB(5, 10), "a black bar where the slip's barcode has one");
    }

    @Test
    void aBinaryBodyReachesTheStoreByteForByte() {
        String path = "/api/uploads/" + UUID.randomUUID();
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        store.answer(path, Reply.of(200).body("application/octet-stream", bytes));
        HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length()))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertEquals(200, response.statusCode(), () -> describe(response));
        assertArrayEquals(bytes, store.onlyCallTo(path).body(), "what the store got");
        assertArrayEquals(bytes, response.body(), "what came back");
        assertEquals(Optional.of("application/octet-stream"), store.onlyCallTo(path).header("Content-Type"));
    }

    @Test
    void hopByHopHeadersStayOnTheirOwnHop() {
        String path = "/api/hops/" + UUID.randomUUID();
        store.answer(path, Reply.of(200)
                .with("Keep-Alive", "timeout=99, max=7")
                .with("Proxy-Authenticate", "Basic realm=\"store\"")
                .body("application/json", "{}"));
        HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length()))
                .header("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0")
                .header("TE", "trailers")
                .header("Authorization", "Bearer hop"));
        assertEquals(200, response.statusCode(), () -> describe(response));
        assertEquals(Optional.empty(), response.headers().firstValue("Proxy-Authenticate"));
        assertFalse(response.headers().allValues("Keep-Alive").contains("timeout=99, max=7"), "the store's Keep-Alive is its own");
        Call call = store.onlyCallTo(path);
        assertEquals(Optional.empty(), call.header("Proxy-Authorization"));
        assertEquals(Optional.empty(), call.header("TE"));
        assertEquals(Optional.of("Bearer hop"), call.header("Authorization"));
    }

    // --- the customer display --------------------------------------------------------------------------

    @Test
    void servesTheCustomerDisplayPage() {
        HttpResponse<byte[]> page = send(terminal("display/"));
        assertEquals(200, page.statusCode(), () -> describe(page));
        assertTrue(contentType(page).startsWith("text/html"), () -> describe(page));
        assertTrue(text(page).contains("display.js"), "the page loads its script");
        HttpResponse<byte[]> script = send(terminal("display/display.js"));
        assertEquals(200, script.statusCode(), () -> describe(script));
        assertTrue(text(script).contains("api/terminal/display"), "the page follows the terminal's display");
    }

    @Test
    void theCustomerSeesWhatACashierOfTheStoreReportsAndNothingElse() {
        String order = """
                {"phase":"ORDER","saleId":"%s","lines":[{"name":"电饭煲 美的","quantity":"2","amount":"558.00"}],
                 "total":"558.00","language":"zh-CN"}""".formatted(UUID.randomUUID());
        long before = version();

        HttpResponse<byte[]> anonymous = send(display(order, Optional.empty()));
        assertEquals(401, anonymous.statusCode(), () -> describe(anonymous));
        assertSameMediaType("application/problem+json", contentType(anonymous));

        store.answer("/api/sessions/current", Reply.of(401).body("application/problem+json",
                "{\"type\":\"urn:guitai:problem:not-authenticated\",\"status\":401,\"title\":\"Not authenticated\"}"));
        String stranger = "token-the-store-does-not-know-" + UUID.randomUUID();
        HttpResponse<byte[]> refused = send(display(order, Optional.of(stranger)));
        assertEquals(401, refused.statusCode(), () -> describe(refused));
        assertEquals(before, version(), "refused reports change nothing");

        store.answer("/api/sessions/current", Reply.of(200).body("application/json",
                "{\"staff\":{\"code\":\"C001\",\"name\":\"王芳\",\"roles\":[\"CASHIER\"]},\"terminalId\":\"T1\"}"));
        String cashier = "token-of-c001-" + UUID.randomUUID();
        HttpResponse<byte[]> shown = send(display(order, Optional.of(cashier)));
        assertEquals(200, shown.statusCode(), () -> describe(shown));
        List<Call> asked = store.callsTo("/api/sessions/current");
        assertEquals(Optional.of("Bearer " + cashier), asked.get(asked.size() - 1).header("Authorization"), "the store vouched for the token");

        JsonObject display = json(send(get("api/terminal/display")));
        assertEquals(before + 1, display.getJsonNumber("version").longValue());
        assertEquals("ORDER", display.getString("phase"));
        assertEquals("您的商品", display.getString("title"));
        assertEquals("电饭煲 美的", display.getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals("¥558.00", display.getJsonArray("rows").getJsonObject(0).getString("value"));
        assertEquals("合计         ¥558.00", display.getJsonArray("lineDisplay").getString(1));

        for (String bad : List.of("{\"phase\":\"ORDER\",\"lines\":[{\"name\":\"x\",\"quantity\":\"1\",\"amount\":\"1e3\"}]}",
                "{\"phase\":\"SOMETIME\"}", "{\"phase\":\"IDLE\",\"language\":\"fr\"}", "not json")) {
            HttpResponse<byte[]> response = send(display(bad, Optional.of(cashier)));
            assertEquals(400, response.statusCode(), () -> bad + ": " + describe(response));
            assertSameMediaType("application/problem+json", contentType(response));
        }
        assertEquals(before + 1, version(), "a bad report changes nothing");
        HttpResponse<byte[]> idle = send(display("{\"phase\":\"IDLE\",\"language\":\"en\"}", Optional.of(cashier)));
        assertEquals(200, idle.statusCode(), () -> describe(idle));
        assertEquals("Welcome", json(send(get("api/terminal/display"))).getString("title"));
    }

    @Test
    void saysWhetherTheStoreAnswers() {
        assertTrue(json(send(get("api/terminal"))).getBoolean("storeReachable"), "the stand-in store answers");
        store.stopListening();
        try {
            Eventually.until(Duration.ofSeconds(20), "the terminal to see the store away",
                    () -> !json(send(get("api/terminal"))).getBoolean("storeReachable"));
        } finally {
            try {
                store.listen();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Eventually.until(Duration.ofSeconds(20), "the terminal to see the store back",
                () -> json(send(get("api/terminal"))).getBoolean("storeReachable"));
        assertEquals(0, json(send(get("api/terminal"))).getInt("pendingDocuments"));
    }


    // --- the terminal keeps selling: journal, documents, offline logins, the queue and its replay ----------

    private static final String CASHIER_SESSION = "{\"staff\":{\"code\":\"C001\",\"name\":\"王芳\",\"roles\":[\"CASHIER\"]},\"terminalId\":\"T1\"}";

    /** A token the stand-in store vouches for as cashier C001 at T1. */
    private static String cashierToken() {
        store.answer("/api/sessions/current", Reply.of(200).body("application/json", CASHIER_SESSION));
        return "token-of-c001-" + UUID.randomUUID();
    }

    private static String cashDocument(String id) {
        return """
                {"id":"%s","createdAt":"%s","lines":[{"id":"%s","barcode":"6901234567892","quantity":"1"}],
                 "payments":[{"id":"%s","tender":"CASH","amountDue":"10.00","counted":[{"denomination":"10","count":1}],"rejected":[]}]}"""
                .formatted(id, Instant.now(), UUID.randomUUID(), UUID.randomUUID());
    }

    private static String storeSale(String id, String slip) {
        return "{\"id\":\"" + id + "\",\"status\":\"PAID\",\"slipCode\":\"" + slip + "\",\"total\":\"10.00\",\"terminalId\":\"T1\"}";
    }

    private HttpRequest.Builder handOver(String document, String token) {
        return terminal("api/terminal/documents").header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(document));
    }

    private List<JsonObject> journal(String token) {
        HttpResponse<byte[]> day = send(terminal("api/terminal/journal").header("Authorization", "Bearer " + token));
        assertEquals(200, day.statusCode(), () -> describe(day));
        return jsonArray(day);
    }

    private int pending() {
        return json(send(get("api/terminal"))).getInt("pendingDocuments");
    }

    @Test
    void aSaleTheStoreRecordsIsAnswered201AndJournaledWithTheCashierTheTerminalAttests() {
        String token = cashierToken();
        String id = UUID.randomUUID().toString();
        store.answer("/api/sales/documents", Reply.of(201).body("application/json", storeSale(id, "S1-20261206-0001")));

        HttpResponse<byte[]> recorded = send(handOver(cashDocument(id), token));

        assertEquals(201, recorded.statusCode(), () -> describe(recorded));
        assertEquals("S1-20261206-0001", json(recorded).getString("slipCode"));
        List<Call> got = store.callsTo("/api/sales/documents").stream().filter(c -> new String(c.body(), StandardCharsets.UTF_8).contains(id)).toList();
        assertEquals(1, got.size(), "sent once");
        JsonObject sent = Json.createReader(new StringReader(new String(got.get(0).body(), StandardCharsets.UTF_8))).readObject();
        assertEquals("T1", sent.getString("terminalId"));
        assertEquals("C001", sent.getString("cashierCode"), "the terminal attests who is logged in");
        List<JsonObject> entries = journal(token).stream().filter(e -> id.equals(e.getString("saleId", null))).toList();
        assertEquals(List.of("SALE", "SENT"), entries.stream().map(e -> e.getString("type")).toList());
        assertTrue(entries.get(0).getString("provisionalSlip").startsWith("T1-OFF-"), entries.get(0)::toString);
        assertEquals("S1-20261206-0001", entries.get(1).getString("slipCode"));

        HttpResponse<byte[]> again = send(handOver(cashDocument(id), token));
        assertEquals(200, again.statusCode(), () -> "the same id again: " + describe(again));
    }

    @Test
    void aSaleTheStoreRefusesComesBackWithItsProblemAndIsKeptNotQueued() {
        String token = cashierToken();
        String id = UUID.randomUUID().toString();
        store.answer("/api/sales/documents", Reply.of(422).body("application/problem+json",
                "{\"type\":\"urn:guitai:problem:insufficient-stock\",\"status\":422,\"title\":\"Insufficient stock\",\"detail\":\"only 0 left\"}"));
        int before = pending();

        HttpResponse<byte[]> refused = send(handOver(cashDocument(id), token));

        assertEquals(422, refused.statusCode(), () -> describe(refused));
        assertSameMediaType("application/problem+json", contentType(refused));
        assertEquals("urn:guitai:problem:insufficient-stock", json(refused).getString("type"));
        assertEquals(before, pending(), "a refused sale is not queued");
        HttpResponse<byte[]> kept = send(terminal("api/terminal/documents/refused").header("Authorization", "Bearer " + token));
        assertTrue(text(kept).contains(id) && text(kept).contains("only 0 left"), () -> describe(kept));
        assertEquals("REFUSED", journal(token).stream().filter(e -> id.equals(e.getString("saleId", null)))
                .reduce((a, b) -> b).orElseThrow().getString("type"));
        HttpResponse<byte[]> again = send(handOver(cashDocument(id), token));
        assertEquals(422, again.statusCode(), () -> "the same refused id again: " + describe(again));
    }

    @Test
    void aBadDocumentIsRefusedByTheTerminalAndChangesNothing() {
        String token = cashierToken();
        int calls = store.callsTo("/api/sales/documents").size();
        int entries = journal(token).size();
        for (String bad : List.of("{\"lines\":[]}", "{\"id\":\"not-a-uuid\"}", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T9\"}", "[1]")) {
            HttpResponse<byte[]> response = send(handOver(bad, token));
            assertTrue(response.statusCode() == 400 || response.statusCode() == 422, () -> bad + ": " + describe(response));
            assertSameMediaType("application/problem+json", contentType(response));
        }
        HttpResponse<byte[]> anonymous = send(terminal("api/terminal/documents").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(cashDocument(UUID.randomUUID().toString()))));
        assertEquals(401, anonymous.statusCode(), () -> describe(anonymous));
        assertEquals(calls, store.callsTo("/api/sales/documents").size());
        assertEquals(entries, journal(token).size());
    }

    @Test
    void whileTheStoreIsAwayASaleIsQueuedWithAProvisionalSlipAndReplayedSignedOnceItIsBack() throws Exception {
        // an online login first: the terminal keeps the PIN's slow hash and enrols its key with the store
        store.answer("/api/sessions", Reply.of(201).body("application/json",
                "{\"token\":\"tok-c001\",\"staff\":{\"code\":\"C001\",\"name\":\"王芳\",\"roles\":[\"CASHIER\"]},\"terminalId\":\"T1\"}"));
        store.answer("/api/terminals/T1/key", Reply.of(201).body("application/json", "{\"terminalId\":\"T1\"}"));
        HttpResponse<byte[]> online = send(terminal("api/terminal/sessions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"staffCode\":\"C001\",\"pin\":\"2468\"}")));
        assertEquals(201, online.statusCode(), () -> describe(online));
        assertFalse(json(online).getBoolean("offline"));
        Eventually.until(Duration.ofSeconds(30), "the terminal to enrol its key", () -> !store.callsTo("/api/terminals/T1/key").isEmpty());
        Call enrolment = store.callsTo("/api/terminals/T1/key").get(store.callsTo("/api/terminals/T1/key").size() - 1);
        assertEquals(Optional.of("Bearer tok-c001"), enrolment.header("Authorization"));
        String publicKey = Json.createReader(new StringReader(new String(enrolment.body(), StandardCharsets.UTF_8))).readObject().getString("publicKey");

        String token = cashierToken();
        journal(token); // the store vouches for the cashier's session while it answers
        String id = UUID.randomUUID().toString();
        store.answer("/api/sales/documents", Reply.of(201).body("application/json", storeSale(id, "S1-20261206-0042")));
        store.stopListening();
        HttpResponse<byte[]> queued;
        try {
            queued = send(handOver(cashDocument(id), token));
            assertEquals(202, queued.statusCode(), () -> describe(queued));
            assertEquals("QUEUED", json(queued).getString("status"));
            assertTrue(json(queued).getString("provisionalSlip").matches("T1-OFF-\\d{6}"), () -> describe(queued));
            assertTrue(pending() >= 1);
            HttpResponse<byte[]> again = send(handOver(cashDocument(id), token));
            assertEquals(202, again.statusCode(), () -> "the same id again while the store is away: " + describe(again));
            assertEquals(json(queued).getString("provisionalSlip"), json(again).getString("provisionalSlip"));

            // offline login with the kept hash: the right PIN only
            Eventually.until(Duration.ofSeconds(30), "an offline login of C001", () -> send(terminal("api/terminal/sessions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"staffCode\":\"C001\",\"pin\":\"2468\"}"))).statusCode() == 201);
            HttpResponse<byte[]> offline = send(terminal("api/terminal/sessions").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"staffCode\":\"C001\",\"pin\":\"2468\"}")));
            assertTrue(json(offline).getBoolean("offline"), () -> describe(offline));
            assertEquals(200, send(terminal("api/terminal/journal/verify").header("Authorization", "Bearer " + json(offline).getString("token")))
                    .statusCode(), "the offline token opens the terminal's own API");
            for (String wrong : List.of("{\"staffCode\":\"C001\",\"pin\":\"0000\"}", "{\"staffCode\":\"C777\",\"pin\":\"2468\"}")) {
                HttpResponse<byte[]> refused = send(terminal("api/terminal/sessions").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(wrong)));
                assertEquals(401, refused.statusCode(), () -> wrong + ": " + describe(refused));
                assertSameMediaType("application/problem+json", contentType(refused));
            }
        } finally {
            store.listen();
        }

        Eventually.until(Duration.ofSeconds(30), "the queue to empty once the store is back", () -> pending() == 0);
        List<Call> replays = store.callsTo("/api/sales/documents").stream()
                .filter(c -> new String(c.body(), StandardCharsets.UTF_8).contains(id) && c.header("Guitai-Signature").isPresent()).toList();
        assertEquals(1, replays.size(), "replayed once, signed");
        Call replay = replays.get(0);
        assertFalse(replay.header("Authorization").isPresent(), "the replay is the terminal's own, by its key");
        java.security.Signature check = java.security.Signature.getInstance("Ed25519");
        check.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey))));
        check.update(("POST\n/api/sales/documents\n" + replay.header("Guitai-Timestamp").orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8));
        check.update(replay.body());
        assertTrue(check.verify(java.util.Base64.getDecoder().decode(replay.header("Guitai-Signature").orElseThrow())),
                "the store can check the terminal's signature with the key it enrolled");
        assertEquals("T1", replay.header("Guitai-Terminal").orElseThrow());
        List<String> types = journal(token).stream().filter(e -> id.equals(e.getString("saleId", null))).map(e -> e.getString("type")).toList();
        assertEquals(List.of("SALE", "SENT"), types);
        HttpResponse<byte[]> after = send(handOver(cashDocument(id), token));
        assertEquals(200, after.statusCode(), () -> "the same id once recorded: " + describe(after));
    }

    @Test
    void theStoreForgetsAMemberAndTheTerminalStopsTheirOfflineLogin() {
        store.answer("/api/sessions", Reply.of(201).body("application/json",
                "{\"token\":\"tok-c005\",\"staff\":{\"code\":\"C005\",\"name\":\"赵六\",\"roles\":[\"CASHIER\"]},\"terminalId\":\"T1\"}"));
        store.answer("/api/terminals/T1/state", Reply.of(200).body("application/json",
                "{\"terminalId\":\"T1\",\"activeStaff\":[\"C001\",\"C005\"],\"catalogVersion\":0}"));
        assertEquals(201, send(terminal("api/terminal/sessions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"staffCode\":\"C005\",\"pin\":\"1357\"}"))).statusCode());
        String offlineLogin = "{\"staffCode\":\"C005\",\"pin\":\"1357\"}";
        store.stopListening();
        try {
            Eventually.until(Duration.ofSeconds(30), "an offline login of C005", () -> send(terminal("api/terminal/sessions")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(offlineLogin))).statusCode() == 201);
            store.listen();
            store.answer("/api/terminals/T1/state", Reply.of(200).body("application/json",
                    "{\"terminalId\":\"T1\",\"activeStaff\":[\"C001\"],\"catalogVersion\":0}"));
            int reports = store.callsTo("/api/terminals/T1/state").size();
            Eventually.until(Duration.ofSeconds(30), "the terminal to report to the store", () -> store.callsTo("/api/terminals/T1/state").size() > reports + 1);
            store.stopListening();
            HttpResponse<byte[]> refused = send(terminal("api/terminal/sessions").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(offlineLogin)));
            assertEquals(401, refused.statusCode(), () -> "a member the store no longer lists: " + describe(refused));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                store.listen();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void whileTheStoreIsAwayTheCashierSellsForCashFromTheCatalogSnapshot() throws IOException {
        String token = cashierToken();
        // what the terminal heard from the store while it answered: its status, the open shift, the catalog
        store.answer("/api/status", Reply.of(200).body("application/json", "{\"component\":\"store-server\",\"storeId\":\"S001\","
                + "\"currency\":\"CNY\",\"denominations\":[\"100\",\"50\",\"20\",\"10\",\"5\",\"1\",\"0.5\",\"0.1\"],"
                + "\"rounding\":\"HALF_UP\",\"cashRoundingUnit\":\"0.10\",\"cashRounding\":\"DOWN\"}"));
        store.answer("/api/shifts", Reply.of(200).body("application/json", "[{\"id\":\"shift-t1\",\"terminalId\":\"T1\",\"status\":\"OPEN\"}]"));
        store.answer("/api/catalog/changes", Reply.of(200).body("application/json", "{\"version\":5,\"products\":["
                + "{\"sku\":\"TEA-1\",\"barcode\":\"6901234567892\",\"name\":\"龙井茶\",\"price\":\"12.99\",\"currency\":\"CNY\",\"vatRate\":\"0.13\"}]}"));
        store.answer("/api/terminals/T1/state", Reply.of(200).body("application/json",
                "{\"terminalId\":\"T1\",\"activeStaff\":[\"C001\"],\"catalogVersion\":5}"));
        assertEquals(200, send(terminal("api/store/status").header("Authorization", "Bearer " + token)).statusCode());
        assertEquals(200, send(terminal("api/store/shifts?status=OPEN&terminalId=T1").header("Authorization", "Bearer " + token)).statusCode());
        Eventually.until(Duration.ofSeconds(30), "the catalog snapshot", () -> json(send(get("api/terminal"))).getJsonNumber("catalogVersion").longValue() == 5);
        assertEquals("龙井茶", json(send(terminal("api/terminal/catalog/products/6901234567892").header("Authorization", "Bearer " + token)))
                .getString("name"));

        String saleId = UUID.randomUUID().toString();
        String lineId = UUID.randomUUID().toString();
        store.answer("/api/sales/documents", Reply.of(201).body("application/json", storeSale(saleId, "S1-20261206-0077")));
        int pendingBefore = pending();
        store.stopListening();
        try {
            HttpResponse<byte[]> opened = send(storeCall("POST", "sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}", token));
            assertEquals(201, opened.statusCode(), () -> describe(opened));
            assertTrue(json(opened).getBoolean("offline"));
            HttpResponse<byte[]> unknown = send(storeCall("POST", "sales/" + saleId + "/lines",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"0000000000000\",\"quantity\":\"1\"}", token));
            assertEquals(404, unknown.statusCode(), () -> describe(unknown));
            HttpResponse<byte[]> line = send(storeCall("POST", "sales/" + saleId + "/lines",
                    "{\"id\":\"" + lineId + "\",\"barcode\":\"6901234567892\",\"quantity\":\"3\"}", token));
            assertEquals(201, line.statusCode(), () -> describe(line));
            assertEquals("38.97", json(line).getString("total"));
            HttpResponse<byte[]> discount = send(storeCall("POST", "sales/" + saleId + "/discount", "{\"percent\":\"10\"}", token));
            assertEquals(503, discount.statusCode(), () -> "a discount needs the store: " + describe(discount));
            assertEquals(200, send(storeCall("POST", "sales/" + saleId + "/confirm", "", token)).statusCode());
            HttpResponse<byte[]> short_ = send(storeCall("POST", "sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"tender\":\"CASH\",\"amountDue\":\"38.90\",\"counted\":[{\"denomination\":\"20\",\"count\":1}],\"rejected\":[]}", token));
            assertEquals(422, short_.statusCode(), () -> describe(short_));
            HttpResponse<byte[]> paid = send(storeCall("POST", "sales/" + saleId + "/payments", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"tender\":\"CASH\",\"amountDue\":\"38.90\",\"counted\":[{\"denomination\":\"50\",\"count\":1}],\"rejected\":[]}", token));
            assertEquals(201, paid.statusCode(), () -> describe(paid));
            assertEquals("PAID", json(paid).getJsonObject("sale").getString("status"));
            assertEquals("11.10", json(paid).getJsonObject("payment").getString("change"));
            assertEquals("收您50.00元，找您11.10元（抹零0.07元）", json(paid).getString("announcement"));
            assertEquals(List.of("10x1", "1x1", "0.1x1"), json(paid).getJsonArray("changeBreakdown").getValuesAs(JsonObject.class).stream()
                    .map(p -> p.getString("denomination") + "x" + p.getInt("count")).toList());
            assertTrue(json(paid).getJsonObject("sale").getString("slipCode").startsWith("T1-OFF-"), () -> describe(paid));
            assertEquals(pendingBefore + 1, pending(), "the paid sale waits for the store");
            assertEquals(200, send(storeCall("POST", "sales/" + saleId + "/complete", "", token)).statusCode());
            JsonObject journaled = journal(token).stream().filter(e -> saleId.equals(e.getString("saleId", null))).findFirst().orElseThrow();
            assertEquals("SALE", journaled.getString("type"));
            assertEquals("38.90", journaled.getJsonObject("document").getJsonArray("payments").getJsonObject(0).getString("amountDue"));
        } finally {
            store.listen();
        }
        Eventually.until(Duration.ofSeconds(30), "the offline sale to reach the store", () -> store.callsTo("/api/sales/documents").stream()
                .anyMatch(c -> new String(c.body(), StandardCharsets.UTF_8).contains(saleId)));
        JsonObject replayed = Json.createReader(new StringReader(new String(store.callsTo("/api/sales/documents").stream()
                .filter(c -> new String(c.body(), StandardCharsets.UTF_8).contains(saleId)).findFirst().orElseThrow().body(),
                StandardCharsets.UTF_8))).readObject();
        assertEquals("12.99", replayed.getJsonArray("lines").getJsonObject(0).getString("unitPrice"), "sold at the snapshot's price");
        assertEquals("C001", replayed.getString("cashierCode"));
    }

    @Test
    void theJournalVerifierNamesTheFirstEntryThatWasTamperedWith() throws IOException {
        String token = cashierToken();
        HttpResponse<byte[]> ok = send(terminal("api/terminal/journal/verify").header("Authorization", "Bearer " + token));
        assertEquals(200, ok.statusCode(), () -> describe(ok));
        if (json(ok).getInt("entries") < 2) {
            store.answer("/api/sales/documents", Reply.of(201).body("application/json", storeSale(UUID.randomUUID().toString(), "S1-X")));
            send(handOver(cashDocument(UUID.randomUUID().toString()), token));
        }
        JsonObject before = json(send(terminal("api/terminal/journal/verify").header("Authorization", "Bearer " + token)));
        assertTrue(before.getBoolean("ok"), before::toString);
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("guitai.test.terminal.data"), "journal");
        java.nio.file.Path file;
        try (var files = java.nio.file.Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("journal-")).sorted().findFirst().orElseThrow();
        }
        List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> tampered = new java.util.ArrayList<>(lines);
        tampered.set(1, tampered.get(1).replaceFirst("\"at\":\"", "\"at\":\"1"));
        try {
            java.nio.file.Files.write(file, tampered, StandardCharsets.UTF_8);
            JsonObject verdict = json(send(terminal("api/terminal/journal/verify").header("Authorization", "Bearer " + token)));
            assertFalse(verdict.getBoolean("ok"));
            assertEquals(Json.createReader(new StringReader(lines.get(1).substring(65))).readObject().getInt("seq"), verdict.getInt("firstBadSeq"));
        } finally {
            java.nio.file.Files.write(file, lines, StandardCharsets.UTF_8);
        }
        assertTrue(json(send(terminal("api/terminal/journal/verify").header("Authorization", "Bearer " + token))).getBoolean("ok"));
    }

    private HttpRequest.Builder storeCall(String method, String path, String body, String token) {
        return terminal("api/store/" + path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    private long version() {
        return json(send(get("api/terminal/display"))).getJsonNumber("version").longValue();
    }

    private HttpRequest.Builder display(String body, Optional<String> token) {
        HttpRequest.Builder request = terminal("api/terminal/display").header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    // --- the counter's devices (the simulators of config/terminal/jpos.xml) --------------------------------

    @Test
    void listsTheCountersDevicesWithTheirStateToAStaffMember() {
        HttpResponse<byte[]> anonymous = send(get("api/terminal/devices"));
        assertEquals(401, anonymous.statusCode(), () -> describe(anonymous));
        assertSameMediaType("application/problem+json", contentType(anonymous));

        HttpResponse<byte[]> listed = send(asCashier(get("api/terminal/devices")));
        assertEquals(200, listed.statusCode(), () -> describe(listed));
        assertTrue(contentType(listed).startsWith("application/json"), () -> describe(listed));
        List<JsonObject> devices = jsonArray(listed);
        assertEquals(List.of("GuitaiScanner:Scanner", "GuitaiPrinter:POSPrinter", "GuitaiDrawer:CashDrawer", "GuitaiDisplay:LineDisplay"),
                devices.stream().map(d -> d.getString("logicalName") + ":" + d.getString("category")).toList());
        for (JsonObject device : devices) {
            assertTrue(List.of("READY", "ERROR").contains(device.getString("state")), device::toString);
            assertTrue(device.getBoolean("simulated"), device::toString);
        }
        assertEquals(2, device("GuitaiDisplay").getJsonArray("lines").size(), "the line display's two lines");
    }

    @Test
    void readsTheBarcodeInAPhotoAndSaysSoWhenThereIsNone() throws Exception {
        BitMatrix matrix = new MultiFormatWriter().encode("S001-00000042", BarcodeFormat.CODE_128, 400, 120, Map.of(EncodeHintType.MARGIN, 20));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "png", png);

        HttpResponse<byte[]> read = send(asCashier(terminal("api/terminal/scans/image")).header("Content-Type", "image/png")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
        assertEquals(200, read.statusCode(), () -> describe(read));
        assertEquals("S001-00000042", json(read).getString("text"));
        assertEquals("CODE_128", json(read).getString("format"));

        HttpResponse<byte[]> none = send(asCashier(terminal("api/terminal/scans/image")).header("Content-Type", "image/png")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(samplePng())));
        assertEquals(422, none.statusCode(), () -> describe(none));
        assertSameMediaType("application/problem+json", contentType(none));
        assertEquals("urn:guitai:problem:no-barcode-found", json(none).getString("type"));

        HttpResponse<byte[]> notAnImage = send(asCashier(terminal("api/terminal/scans/image")).header("Content-Type", "image/jpeg")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("not a photo")));
        assertEquals(400, notAnImage.statusCode(), () -> describe(notAnImage));
    }

    @Test
    void theDrawerOpensOnCashAndTheNextCashPaymentWaitsUntilItIsClosed() {
        String sale = UUID.randomUUID().toString();
        String path = "/api/sales/" + sale + "/payments";
        store.answer(path, Reply.of(201).body("application/json", "{\"payment\":{\"tender\":\"CASH\"},\"sale\":{\"id\":\"" + sale + "\"}}"));
        send(asCashier(terminal("api/terminal/devices/drawer/close")).POST(HttpRequest.BodyPublishers.noBody()));
        assertFalse(device("GuitaiDrawer").getBoolean("drawerOpen"));

        String first = cash(UUID.randomUUID());
        HttpResponse<byte[]> taken = send(asCashier(terminal("api/store/sales/" + sale + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(first)));
        assertEquals(201, taken.statusCode(), () -> describe(taken));
        assertTrue(device("GuitaiDrawer").getBoolean("drawerOpen"), "cash taken opens the drawer");

        HttpResponse<byte[]> next = send(asCashier(terminal("api/store/sales/" + sale + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(cash(UUID.randomUUID()))));
        assertEquals(409, next.statusCode(), () -> describe(next));
        assertSameMediaType("application/problem+json", contentType(next));
        assertTrue(json(next).getString("type").endsWith("drawer-open"), () -> describe(next));
        assertEquals("Close the drawer", json(next).getString("title"));
        assertEquals(1, store.callsTo(path).size(), "the refused payment never reached the store");

        HttpResponse<byte[]> repeated = send(asCashier(terminal("api/store/sales/" + sale + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(first)));
        assertEquals(201, repeated.statusCode(), () -> "a repeat of the cash already in the drawer passes: " + describe(repeated));
        String card = "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CARD\",\"amount\":\"10.00\",\"authCode\":\"A1\",\"last4\":\"1234\"}";
        HttpResponse<byte[]> byCard = send(asCashier(terminal("api/store/sales/" + sale + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(card)));
        assertEquals(201, byCard.statusCode(), () -> "a card needs no drawer: " + describe(byCard));

        HttpResponse<byte[]> closed = send(asCashier(terminal("api/terminal/devices/drawer/close")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, closed.statusCode(), () -> describe(closed));
        assertFalse(json(closed).getBoolean("drawerOpen"));
        HttpResponse<byte[]> afterClosing = send(asCashier(terminal("api/store/sales/" + sale + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(cash(UUID.randomUUID()))));
        assertEquals(201, afterClosing.statusCode(), () -> describe(afterClosing));
        assertTrue(device("GuitaiDrawer").getBoolean("drawerOpen"));
        send(asCashier(terminal("api/terminal/devices/drawer/close")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aCompletedSalesSlipPrintsWithTheCallersTokenAndWaitsOutAPaperOut() {
        String sale = UUID.randomUUID().toString();
        store.answer("/api/sales/" + sale + "/complete", Reply.of(200).body("application/json",
                "{\"id\":\"" + sale + "\",\"status\":\"COMPLETED\",\"slipCode\":\"S001-00000777\"}"));
        store.answer("/api/sales/" + sale + "/slip", Reply.of(200).body("text/html;charset=UTF-8",
                "<html><head><title>小票 S001-00000777</title></head><body><h1>桂台 收款小票</h1><p>小票号 Slip S001-00000777</p>"
                        + "<img class=\"barcode\" alt=\"S001-00000777\" src=\"data:image/png;base64,AA\"></body></html>"));
        HttpResponse<byte[]> out = send(asCashier(terminal("api/terminal/devices/printer/paper-out")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, out.statusCode(), () -> describe(out));
        try {
            HttpResponse<byte[]> completed = send(asCashier(terminal("api/store/sales/" + sale + "/complete")).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, completed.statusCode(), "the sale completes without its paper: " + describe(completed));
            JsonObject waiting = Eventually.until(Duration.ofSeconds(20), "the printer to report the paper out",
                    () -> device("GuitaiPrinter"), p -> "ERROR".equals(p.getString("state")));
            assertEquals("paper-out", waiting.getString("error"));
            assertEquals(1, waiting.getInt("queuedJobs"), waiting::toString);
        } finally {
            send(asCashier(terminal("api/terminal/devices/printer/paper-loaded")).POST(HttpRequest.BodyPublishers.noBody()));
        }
        JsonObject printed = Eventually.until(Duration.ofSeconds(20), "the slip to print once the paper is back",
                () -> device("GuitaiPrinter"), p -> p.getString("lastReceipt", "").contains("S001-00000777") && p.getInt("queuedJobs") == 0);
        assertEquals("READY", printed.getString("state"));
        assertTrue(printed.getString("lastReceipt").startsWith("桂台 收款小票\n"), printed::toString);
        Call slip = store.onlyCallTo("/api/sales/" + sale + "/slip");
        assertEquals(Optional.of("Bearer " + CASHIER_TOKEN), slip.header("Authorization"), "the slip is fetched as the cashier");
    }

    @Test
    void anIssuedInvoicePrintsOnceWithItsNumberAsTheBarcode() {
        String sale = UUID.randomUUID().toString();
        String number = "3300" + (System.nanoTime() % 100_000_000L);
        store.answer("/api/sales/" + sale + "/invoice", Reply.of(201).body("application/json",
                "{\"number\":\"" + number + "\",\"status\":\"ISSUED\",\"saleId\":\"" + sale + "\"}"));
        store.answer("/api/invoices/" + number + "/print", Reply.of(200).body("text/html;charset=UTF-8",
                "<html><head><title>发票 " + number + "</title></head><body><h1>增值税普通发票</h1><p>No. " + number + "</p>"
                        + "<table><tr><td>电饭煲</td><td>279.00</td></tr></table>"
                        + "<img class=\"barcode\" alt=\"" + number + "\" src=\"data:image/png;base64,AA\"></body></html>"));
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"buyerName\":\"杭州某某贸易有限公司\",\"buyerAddress\":\"杭州\",\"buyerPhone\":\"13800138000\"}";
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> issued = send(asCashier(terminal("api/store/sales/" + sale + "/invoice")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(201, issued.statusCode(), () -> describe(issued));
        }
        JsonObject printed = Eventually.until(Duration.ofSeconds(20), "the invoice to print",
                () -> device("GuitaiPrinter"), p -> p.getString("lastReceipt", "").contains("No. " + number));
        assertTrue(printed.getString("lastReceipt").contains("电饭煲  279.00") && printed.getString("lastReceipt").contains("[" + number + "]"),
                printed::toString);
        assertEquals(1, store.callsTo("/api/invoices/" + number + "/print").size(), "the same invoice answered twice prints once");
    }

    @Test
    void aSalePaidByCheckPrintsItsSlipWhenTheCheckIsTaken() {
        String sale = UUID.randomUUID().toString();
        store.answer("/api/sales/" + sale + "/payments", Reply.of(201).body("application/json",
                "{\"payment\":{\"tender\":\"CHECK\"},\"sale\":{\"id\":\"" + sale + "\",\"status\":\"AWAITING_CLEARANCE\",\"slipCode\":\"S001-00000888\"}}"));
        store.answer("/api/sales/" + sale + "/slip", Reply.of(200).body("text/html;charset=UTF-8",
                "<html><head><title>小票 S001-00000888</title></head><body><h1>桂台 收款小票 支票</h1>"
                        + "<img class=\"barcode\" alt=\"S001-00000888\" src=\"data:image/png;base64,AA\"></body></html>"));
        String check = "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CHECK\",\"amount\":\"279.00\",\"checkNumber\":\"123456\",\"bank\":\"ICBC\"}";
        HttpResponse<byte[]> taken = send(asCashier(terminal("api/store/sales/" + sale + "/payments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(check)));
        assertEquals(201, taken.statusCode(), () -> describe(taken));
        Eventually.until(Duration.ofSeconds(20), "the slip to print", () -> device("GuitaiPrinter"),
                p -> p.getString("lastReceipt", "").contains("[S001-00000888]"));
        assertFalse(device("GuitaiDrawer").getBoolean("drawerOpen"), "a check needs no drawer");
    }

    @Test
    void aScannedLabelReachesThePagesScanFeed() {
        long before = device("GuitaiScanner").getJsonNumber("lastScan").longValue();
        HttpResponse<byte[]> scanned = send(asCashier(terminal("api/terminal/devices/scanner/scan")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":\"6910384000029\"}")));
        assertEquals(202, scanned.statusCode(), () -> describe(scanned));
        List<JsonObject> scans = Eventually.until(Duration.ofSeconds(20), "the label to arrive",
                () -> jsonArray(send(asCashier(get("api/terminal/devices/scanner/scans?after=" + before)))), l -> !l.isEmpty());
        assertEquals("6910384000029", scans.get(0).getString("data"));
        assertEquals(before + 1, scans.get(0).getJsonNumber("seq").longValue());
    }

    private static final String CASHIER_TOKEN = "token-of-c001-at-the-devices-" + UUID.randomUUID();

    /** The request with the token of a cashier the stand-in store vouches for. */
    private static HttpRequest.Builder asCashier(HttpRequest.Builder request) {
        store.answer("/api/sessions/current", Reply.of(200).body("application/json",
                "{\"staff\":{\"code\":\"C001\",\"name\":\"王芳\",\"roles\":[\"CASHIER\"]},\"terminalId\":\"T1\"}"));
        return request.header("Authorization", "Bearer " + CASHIER_TOKEN);
    }

    private JsonObject device(String logicalName) {
        HttpResponse<byte[]> listed = send(asCashier(get("api/terminal/devices")));
        assertEquals(200, listed.statusCode(), () -> describe(listed));
        return jsonArray(listed).stream().filter(d -> d.getString("logicalName").equals(logicalName)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + logicalName + " in " + text(listed)));
    }

    private static String cash(UUID id) {
        return "{\"id\":\"" + id + "\",\"tender\":\"CASH\",\"amountDue\":\"100.00\",\"counted\":[{\"denomination\":\"100\",\"count\":1}],"
                + "\"rejected\":[]}";
    }

    private static List<JsonObject> jsonArray(HttpResponse<byte[]> response) {
        return Json.createReader(new StringReader(text(response))).readArray().getValuesAs(JsonObject.class);
    }

    // --- the store away, and paths that are not the store's -------------------------------------------

    @Test
    void answersA503ProblemWhileTheStoreIsAway() throws IOException {
        String path = "/api/products";
        store.answer(path, Reply.of(200).body("application/json", "[]"));
        store.stopListening();
        try {
            for (HttpRequest.Builder request : List.of(terminal("api/store/products?q=kettle"),
                    terminal("api/store/sales").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")))) {
                HttpResponse<byte[]> response = send(request);
                assertEquals(503, response.statusCode(), () -> describe(response));
                assertSameMediaType("application/problem+json", contentType(response));
                assertEquals("urn:guitai:problem:store-unreachable", json(response).getString("type"));
                assertTrue(json(response).getString("detail").contains(store.url()), () -> describe(response));
            }
        } finally {
            store.listen();
        }
        HttpResponse<byte[]> back = send(terminal("api/store/products?q=kettle"));
        assertEquals(200, back.statusCode(), () -> "the store is back: " + describe(back));
    }

    @Test
    void answersA503ProblemWhenTheStoreDoesNotAnswerInTime() {
        String path = "/api/reports/slow-" + UUID.randomUUID();
        store.answer(path, Reply.of(200).body("application/json", "{}"));
        CountDownLatch release = store.hold(path);
        try {
            Instant asked = Instant.now();
            HttpResponse<byte[]> response = send(terminal("api/store/" + path.substring("/api/".length())));
            Duration waited = Duration.between(asked, Instant.now());
            assertEquals(503, response.statusCode(), () -> describe(response));
            assertEquals("urn:guitai:problem:store-unreachable", json(response).getString("type"));
            assertTrue(waited.compareTo(Duration.ofSeconds(2)) >= 0 && waited.compareTo(Duration.ofSeconds(20)) < 0,
                    "gave up after the store timeout of 3 s, not at once nor never: " + waited);
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusesPathsThatAreNotTheStoresWith400Problems() {
        int before = store.callCount();
        // (Payara itself refuses backslashes, NUL and broken UTF-8 in a path with a bare 400 before any application sees them)
        for (String path : List.of("sales/../staff", "../terminal", "./sales", "sales/%2E%2E/staff", "%2e%2e/terminal", "sales/%2e/lines",
                "sales//lines", "sales/lines/", "sales/%2Fetc%2Fpasswd", "sales/%0Aheader")) {
            HttpResponse<byte[]> response = send(terminal("api/store/" + path));
            assertEquals(400, response.statusCode(), () -> path + ": " + describe(response));
            assertTrue(contentType(response).startsWith("application/problem+json"), () -> path + ": " + describe(response));
            assertEquals("urn:guitai:problem:invalid-request", json(response).getString("type"), path);
        }
        assertEquals(before, store.callCount(), "none of them reached the store");
    }

    // --- HTTP for the test ----------------------------------------------------------------------------

    private URI root() {
        try {
            return base.toURI().resolve("/");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder get(String path) {
        return terminal(path).header("Accept", "application/json");
    }

    private HttpRequest.Builder terminal(String path) {
        return HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return Json.createReader(new StringReader(text(response))).readObject();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
    }

    /** Equal media types, however the parameters are spaced ({@code a/b; charset=UTF-8} is {@code a/b;charset=UTF-8}). */
    private static void assertSameMediaType(String expected, String actual) {
        assertEquals(expected.replaceAll("\\s*;\\s*", ";"), actual.replaceAll("\\s*;\\s*", ";"), "Content-Type");
    }

    private static String describe(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + contentType(response) + " " + response.headers().map() + " "
                + (contentType(response).startsWith("image/") ? response.body().length + " bytes" : text(response));
    }

    /** A 120×40 PNG, white with black bars like a slip's barcode: binary, and not valid UTF-8. */
    private static byte[] samplePng() throws IOException {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, (x / 3) % 3 == 1 ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** Each way a request fails is answered by the terminal as by every server (the platform's mapping, over HTTP). */
    @Test
    void answersEveryFailureAsEveryServerDoes() {
        ProblemChecks.everyFailureIsAnsweredAlike(Deployments.api(base), false);
    }
}
