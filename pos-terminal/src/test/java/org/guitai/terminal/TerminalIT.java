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
