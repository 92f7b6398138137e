package org.guitai.store;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HQ inbox for the store's integration tests: acknowledges every event and remembers what it got. */
final class StandInHq implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    private StandInHq(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code guitai.test.hq.port}, where the store under test delivers its outbox. */
    static StandInHq start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("guitai.test.hq.port")), 0);
        StandInHq hq = new StandInHq(server);
        server.createContext("/api/stores/S001/events", exchange -> {
            JsonObject batch = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
            hq.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            var accepted = Json.createArrayBuilder();
            batch.getJsonArray("events").getValuesAs(JsonObject.class).forEach(e -> {
                hq.events.add(e);
                accepted.add(e.getString("id"));
            });
            byte[] body = Json.createObjectBuilder().add("accepted", accepted).add("rejected", Json.createArrayBuilder()).build()
                    .toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return hq;
    }

    /** The SaleCompleted event of a sale, once delivered. */
    Optional<JsonObject> saleEvent(String saleId) {
        return events.stream().filter(e -> e.getJsonObject("saleCompleted").getString("saleId").equals(saleId)).findFirst();
    }

    long deliveriesOf(String saleId) {
        return events.stream().filter(e -> e.getJsonObject("saleCompleted").getString("saleId").equals(saleId)).count();
    }

    Set<String> authorizations() {
        return Set.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
