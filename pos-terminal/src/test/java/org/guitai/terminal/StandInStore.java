package org.guitai.terminal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A store server for the terminal's integration test: answers each path with the reply a test gave
 * it for that path (404 problem otherwise) and remembers every call exactly as it arrived, so a test
 * can compare what the terminal was sent, what the store got and what came back. It can be stopped
 * and started again on the same port (the store away), and told to hold one path's answer (a store
 * too slow to answer).
 */
final class StandInStore implements AutoCloseable {

    /** One request as it reached the store: method, raw path and query, headers, body bytes. */
    record Call(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst();
        }
    }

    /** What the store answers: a status, headers in order, a body (empty for none). */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        static Reply of(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        Reply with(String name, String value) {
            Map<String, List<String>> more = new LinkedHashMap<>(headers);
            List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
            values.add(value);
            more.put(name, List.copyOf(values));
            return new Reply(status, Collections.unmodifiableMap(more), body);
        }

        Reply body(String contentType, byte[] bytes) {
            return with("Content-Type", contentType).withBody(bytes);
        }

        Reply body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        private Reply withBody(byte[] bytes) {
            return new Reply(status, headers, bytes.clone());
        }
    }

    private final int port;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService handlers;

    private StandInStore(int port) {
        this.port = port;
    }

    /** Listens on {@code guitai.test.store.port}, the store URL the terminal under test was given. */
    static StandInStore start() throws IOException {
        StandInStore store = new StandInStore(Integer.getInteger("guitai.test.store.port"));
        store.listen();
        return store;
    }

    /** The store's base URL, as the terminal knows it. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void listen() throws IOException {
        if (server != null) {
            return;
        }
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Stops listening: the terminal finds nobody at the store's address until {@link #listen()}. */
    synchronized void stopListening() {
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
            server = null;
        }
    }

    /** From now on answers this raw path (e.g. {@code /api/things/1}) with this reply. */
    void answer(String rawPath, Reply reply) {
        replies.put(rawPath, reply);
    }

    /** Holds the answer to this path until the returned latch is counted down (or a minute passes). */
    CountDownLatch hold(String rawPath) {
        CountDownLatch latch = new CountDownLatch(1);
        held.put(rawPath, latch);
        return latch;
    }

    /** Every call that reached this path, in order of arrival. */
    List<Call> callsTo(String rawPath) {
        return calls.stream().filter(c -> c.rawPath().equals(rawPath)).toList();
    }

    /**
     * How many calls reached the store so far, on any path but the terminal's own round (its report
     * to the store, its catalog catch-up, its reachability check), which come when they will.
     */
    int callCount() {
        return (int) calls.stream().filter(c -> !c.rawPath().startsWith("/api/terminals/") && !c.rawPath().startsWith("/api/catalog/") && !c.rawPath().startsWith("/api/refused-sales/")
                && !c.rawPath().equals("/api/status")).count();
    }

    /** The one call that reached this path; fails when there was none or more than one. */
    Call onlyCallTo(String rawPath) {
        List<Call> to = callsTo(rawPath);
        if (to.size() != 1) {
            throw new AssertionError("expected one call to " + rawPath + ", the store got " + to.size() + ": "
                    + calls.stream().map(c -> c.method() + " " + c.rawPath()).toList());
        }
        return to.get(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            CountDownLatch latch = held.get(path);
            if (latch != null && !latch.await(60, TimeUnit.SECONDS)) {
                throw new IOException("held for a minute without release: " + path);
            }
            Reply reply = replies.getOrDefault(path, Reply.of(404).body("application/problem+json",
                    "{\"type\":\"urn:guitai:problem:not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"the stand-in store has no "
                            + path + "\"}"));
            reply.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            boolean bodiless = reply.body().length == 0 || reply.status() == 204 || reply.status() == 304;
            exchange.sendResponseHeaders(reply.status(), bodiless ? -1 : reply.body().length);
            if (!bodiless) {
                exchange.getResponseBody().write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        stopListening();
    }
}
