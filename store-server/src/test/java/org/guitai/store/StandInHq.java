package org.guitai.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HQ inbox for the store's integration tests: acknowledges every event and remembers what it got.
 * Like the real HQ it rejects event types it does not know, and a test can make it refuse one
 * sale's event (an event HQ cannot read) or answer 503 to everything (HQ down).
 */
final class StandInHq implements AutoCloseable {

    /** One delivery of one event: when it arrived and how the stand-in answered it. */
    record Receipt(String eventId, Instant at, String answer) {
    }

    private final HttpServer server;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
    private final Set<String> knownTypes = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusedSales = new ConcurrentHashMap<>();
    private volatile boolean down;

    private StandInHq(HttpServer server) {
        this.server = server;
        knownTypes.add("SaleCompleted");
    }

    /** Listens on {@code guitai.test.hq.port}, where the store under test delivers its outbox. */
    static StandInHq start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("guitai.test.hq.port")), 0);
        StandInHq hq = new StandInHq(server);
        server.createContext("/api/stores/S001/events", hq::answer);
        server.start();
        return hq;
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject batch = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Instant now = Instant.now();
        List<JsonObject> sent = batch.getJsonArray("events").getValuesAs(JsonObject.class);
        if (down) {
            sent.forEach(e -> receipts.add(new Receipt(e.getString("id"), now, "503")));
            send(exchange, 503, "application/problem+json",
                    "{\"type\":\"urn:guitai:problem:unavailable\",\"title\":\"Unavailable\",\"status\":503,\"detail\":\"HQ is down for a test\"}");
            return;
        }
        var accepted = Json.createArrayBuilder();
        var rejected = Json.createArrayBuilder();
        for (JsonObject e : sent) {
            String id = e.getString("id");
            Optional<String> refusal = refusal(e);
            if (refusal.isPresent()) {
                receipts.add(new Receipt(id, now, "rejected"));
                rejected.add(Json.createObjectBuilder().add("id", id).add("reason", refusal.get()));
            } else {
                receipts.add(new Receipt(id, now, "accepted"));
                events.add(e);
                accepted.add(id);
            }
        }
        send(exchange, 200, "application/json", Json.createObjectBuilder().add("accepted", accepted).add("rejected", rejected).build().toString());
    }

    private Optional<String> refusal(JsonObject event) {
        String type = event.getString("type", "");
        if (!knownTypes.contains(type)) {
            return Optional.of("unknown event type " + type);
        }
        return Optional.ofNullable(saleIdOf(event)).map(refusedSales::get);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String saleIdOf(JsonObject event) {
        JsonObject sale = event.getJsonObject("saleCompleted");
        return sale == null ? null : sale.getString("saleId", null);
    }

    /** Rejects the event of this sale, with this reason, until {@link #acceptSale}. */
    void refuseSale(String saleId, String reason) {
        refusedSales.put(saleId, reason);
    }

    void acceptSale(String saleId) {
        refusedSales.remove(saleId);
    }

    /** From now on accepts events of this type too, as an HQ that was upgraded. */
    void learn(String type) {
        knownTypes.add(type);
    }

    /** Answers every batch with 503 until {@link #comeBack}. */
    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    /** The SaleCompleted event of a sale, once accepted. */
    Optional<JsonObject> saleEvent(String saleId) {
        return events.stream().filter(e -> saleId.equals(saleIdOf(e))).findFirst();
    }

    long deliveriesOf(String saleId) {
        return events.stream().filter(e -> saleId.equals(saleIdOf(e))).count();
    }

    /** Every time this event reached the stand-in, in order, whatever the answer. */
    List<Receipt> receiptsOf(String eventId) {
        return receipts.stream().filter(r -> r.eventId().equals(eventId)).toList();
    }

    Set<String> authorizations() {
        return Set.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
