package org.guitai.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.guitai.kernel.security.TerminalSignature;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;

/**
 * A counter terminal of the test's own, as the offline terminal speaks to its store: its own
 * Ed25519 key pair, and requests signed with it instead of a session token. The path signed is
 * the one sent, from {@code /api/} on, whatever context root the store is deployed under.
 */
final class SigningTerminal {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI api;
    private final String id;
    private final KeyPair keys;

    private SigningTerminal(URL base, String id) {
        try {
            this.api = base.toURI().resolve("api/");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        this.id = id;
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A terminal new to the store (in its terminal table, no key yet), with a fresh key pair. */
    static SigningTerminal enrolledAtTheStore(URL base) throws SQLException {
        String id = "O" + UUID.randomUUID().toString().substring(0, 8);
        Shop.execute("insert into terminal (id, name, enrolled_at) values (?, 'offline counter', utc_timestamp(6))", id);
        return new SigningTerminal(base, id);
    }

    String id() {
        return id;
    }

    /** Its own private key, to sign a request that is wrong in another way (its timestamp). */
    PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** Base64 of the public key's X.509 encoding, as the terminal enrols it. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** Staff logged in at this terminal (for its first key), enrolling it: 201. */
    void enrolledBy(JsonHttp staffHere) {
        Answer enrolled = staffHere.put("terminals/" + id + "/key", "{\"publicKey\":\"" + publicKey() + "\"}");
        assertEquals(201, enrolled.status(), enrolled::toString);
    }

    Answer get(String path) {
        return send("GET", path, "", Instant.now().toString(), keys.getPrivate());
    }

    Answer post(String path, String json) {
        return send("POST", path, json, Instant.now().toString(), keys.getPrivate());
    }

    Answer put(String path, String json) {
        return send("PUT", path, json, Instant.now().toString(), keys.getPrivate());
    }

    /** A request signed at {@code timestamp} with {@code key} (this terminal's or another), sent as this terminal. */
    Answer send(String method, String path, String json, String timestamp, PrivateKey key) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        URI uri = api.resolve(path);
        String signedPath = "/api/" + path;
        String signature = TerminalSignature.sign(key, TerminalSignature.signedBytes(method, signedPath, timestamp, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header(TerminalSignature.TERMINAL_HEADER, id)
                .header(TerminalSignature.TIMESTAMP_HEADER, timestamp)
                .header(TerminalSignature.SIGNATURE_HEADER, signature)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
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
}
