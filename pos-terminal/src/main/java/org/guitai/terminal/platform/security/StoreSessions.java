package org.guitai.terminal.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.platform.security.Sessions;
import org.guitai.terminal.platform.store.StoreConnection;

/**
 * The terminal's sessions are the store's: a token is whoever the store says it is
 * ({@code GET /api/sessions/current}). The answer is kept for a minute so that the cashier's
 * screen does not cost the store a call per step; while the store is away, a token it vouched for
 * in the last few hours still counts, so that the counter keeps its display. A token the store
 * refuses is forgotten at once. Tokens are kept only as their SHA-256. A token of a session opened
 * here while the store was away ({@link OfflineLogins}) is this terminal's alone.
 */
@ApplicationScoped
public class StoreSessions implements Sessions {

    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final Duration WHILE_THE_STORE_IS_AWAY = Duration.ofHours(8);
    private static final int MAX_KEPT = 1_000;

    private record Vouched(Caller caller, Instant at) {
    }

    @Inject
    StoreConnection store;

    @Inject
    OfflineLogins offline;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Vouched> vouched = new ConcurrentHashMap<>();

    @Override
    public Caller resolve(String token) {
        Optional<Caller> offlineSession = offline.session(token);
        if (offlineSession.isPresent()) {
            return offlineSession.get();
        }
        String key = digest(token);
        Vouched known = vouched.get(key);
        Instant now = clock.instant();
        if (known != null && Duration.between(known.at(), now).compareTo(FRESH) < 0) {
            return known.caller();
        }
        Optional<HttpResponse<String>> answer = store.get("sessions/current", Optional.of(token));
        if (answer.isEmpty()) {
            if (known != null && Duration.between(known.at(), now).compareTo(WHILE_THE_STORE_IS_AWAY) < 0) {
                return known.caller();
            }
            throw new NotAuthenticatedException("the store server does not answer, and this session is not known here yet");
        }
        if (answer.get().statusCode() != 200) {
            vouched.remove(key);
            throw new NotAuthenticatedException("the store does not know this session: log in again");
        }
        Caller caller = caller(answer.get().body());
        if (vouched.size() >= MAX_KEPT) {
            vouched.values().removeIf(v -> Duration.between(v.at(), now).compareTo(WHILE_THE_STORE_IS_AWAY) >= 0);
        }
        vouched.put(key, new Vouched(caller, now));
        return caller;
    }

    @Override
    public void logout(String token) {
        offline.logout(token);
        vouched.remove(digest(token));
    }

    private static Caller caller(String session) {
        try (JsonReader reader = Json.createReader(new StringReader(session))) {
            JsonObject body = reader.readObject();
            JsonObject staff = body.getJsonObject("staff");
            Set<String> roles = staff.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .collect(Collectors.toSet());
            return new Caller(staff.getString("code"), staff.getString("name"), roles, body.getString("terminalId", null));
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
