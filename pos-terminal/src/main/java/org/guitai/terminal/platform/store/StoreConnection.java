package org.guitai.terminal.platform.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.guitai.kernel.security.TerminalSignature;
import org.guitai.terminal.platform.config.TerminalSettings;

/**
 * The terminal's own calls to its store server (not the page's, which go through the gateway):
 * whether the store answers, and who a token belongs to. Each call is brief, so that a store that
 * is away costs the counter a moment, not the store's whole timeout.
 */
@ApplicationScoped
public class StoreConnection {

    /** How long one answer about reachability holds: the page asks every few seconds, the store need not hear it each time. */
    private static final Duration REACHABILITY_HOLDS = Duration.ofSeconds(2);
    private static final Duration BRIEF = Duration.ofSeconds(2);

    private record Reachability(boolean reachable, Instant at) {
    }

    /** How a call to the store proves who makes it. */
    public sealed interface Credential permits Bearer, Signed, Anonymous {
    }

    /** A staff member's session at the store. */
    public record Bearer(String token) implements Credential {
    }

    /** The terminal itself, by its enrolled key. */
    public record Signed() implements Credential {
    }

    public record Anonymous() implements Credential {
    }

    @Inject
    TerminalSettings settings;

    @Inject
    TerminalKey key;

    private HttpClient client;
    private final Clock clock = Clock.systemUTC();
    private volatile Reachability last = new Reachability(false, Instant.EPOCH);

    @PostConstruct
    void connect() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(BRIEF)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether the store answered just now (its public {@code /api/status}), with anything but a server error. */
    public boolean reachable() {
        Reachability known = last;
        if (Duration.between(known.at(), clock.instant()).compareTo(REACHABILITY_HOLDS) < 0) {
            return known.reachable();
        }
        boolean answered = get("status", Optional.empty()).map(a -> a.statusCode() < 500).orElse(false);
        last = new Reachability(answered, clock.instant());
        return answered;
    }

    /**
     * The store's answer to {@code GET /api/<path>}, or empty when the store does not answer in
     * time. Any answer, refusals included, means the store is there.
     */
    public Optional<HttpResponse<String>> get(String path, Optional<String> bearer) {
        return send("GET", path, null, bearer.<Credential>map(Bearer::new).orElse(new Anonymous()), BRIEF);
    }

    /**
     * The store's answer to {@code METHOD /api/<path>} with a JSON body (null for none), or empty
     * when the store does not answer within {@code timeout}.
     */
    public Optional<HttpResponse<String>> send(String method, String path, byte[] json, Credential credential, Duration timeout) {
        return send(method, path, json, credential, timeout, HttpResponse.BodyHandlers.ofString());
    }

    /** The same, the answer's body read by {@code handler} (a large answer as a stream). */
    public <T> Optional<HttpResponse<T>> send(String method, String path, byte[] json, Credential credential, Duration timeout,
                                              HttpResponse.BodyHandler<T> handler) {
        byte[] body = json == null ? new byte[0] : json;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.storeUrl() + "/api/" + path)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        if (credential instanceof Bearer bearer) {
            request.header("Authorization", "Bearer " + bearer.token());
        } else if (credential instanceof Signed) {
            String timestamp = clock.instant().toString();
            // signed from the application's /api/ on, as the store checks it whatever path it is deployed under
            String rawPath = "/api/" + path;
            request.header(TerminalSignature.TERMINAL_HEADER, settings.terminalId()).header(TerminalSignature.TIMESTAMP_HEADER, timestamp)
                    .header(TerminalSignature.SIGNATURE_HEADER, key.sign(method, rawPath, timestamp, body));
        }
        try {
            HttpResponse<T> answer = client.send(request.build(), handler);
            last = new Reachability(answer.statusCode() < 500, clock.instant());
            return answer.statusCode() >= 500 ? Optional.empty() : Optional.of(answer);
        } catch (IOException e) {
            last = new Reachability(false, clock.instant());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
