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

    @Inject
    TerminalSettings settings;

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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.storeUrl() + "/api/" + path)).timeout(BRIEF)
                .header("Accept", "application/json").GET();
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            last = new Reachability(true, clock.instant());
            return Optional.of(answer);
        } catch (IOException e) {
            last = new Reachability(false, clock.instant());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
