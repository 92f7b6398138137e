package org.guitai.kernel.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON-over-HTTP client for black-box tests of the servers' APIs. */
public final class JsonHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;

    public JsonHttp(URI base) {
        this(base, null);
    }

    private JsonHttp(URI base, String token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public JsonHttp as(String token) {
        return new JsonHttp(base, token);
    }

    public URI base() {
        return base;
    }

    public String token() {
        return token;
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** A page for people: asks for HTML. */
    public Answer getPage(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, JsonStructure json) {
        return post(path, json.toString());
    }

    public Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        if (request.build().headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json");
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and body, with the body read as JSON on demand. */
    public record Answer(int status, String contentType, String body, HttpResponse<String> response) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
