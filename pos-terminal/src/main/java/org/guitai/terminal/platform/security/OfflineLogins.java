package org.guitai.terminal.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.security.Caller;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.storage.DurableFiles;

/**
 * Who may log in at this terminal while the store is away: staff who logged in here through the
 * store in the last 7 days. The terminal keeps only each member's slow PIN hash (never the PIN)
 * with what the store said about them, forgets a member the store no longer lists as active at
 * its next answer, and refuses a member after five wrong PINs in a row until they log in online.
 */
@ApplicationScoped
public class OfflineLogins {

    public static final Duration KEPT_FOR = Duration.ofDays(7);
    private static final int WRONG_PINS = 5;

    /** One member as last vouched for by the store. */
    private record Known(String pinHash, JsonObject staff, Instant loggedInAt, int wrongPins) {
    }

    @Inject
    TerminalSettings settings;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Known> known = new HashMap<>();
    private final Map<String, Caller> sessions = new ConcurrentHashMap<>();
    private Path file;

    @PostConstruct
    void load() {
        file = settings.dataDir().resolve("staff").resolve("offline-logins.json");
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
                    reader.readObject().forEach((code, v) -> {
                        JsonObject o = v.asJsonObject();
                        known.put(code, new Known(o.getString("pinHash"), o.getJsonObject("staff"), Instant.parse(o.getString("loggedInAt")),
                                o.getInt("wrongPins", 0)));
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The store let {@code staffCode} in with {@code pin}: keep their slow hash for logging in here while it is away. */
    public synchronized void remember(String staffCode, String pin, JsonObject staff) {
        Known before = known.get(staffCode);
        String hash = before != null && SlowHash.matches(pin, before.pinHash()) ? before.pinHash() : SlowHash.hash(pin);
        known.put(staffCode, new Known(hash, staff, clock.instant(), 0));
        save();
    }

    /**
     * Logs {@code staffCode} in without the store: a new token and its caller, or empty when the
     * member has not logged in here within 7 days, the PIN is wrong, or too many PINs were wrong.
     */
    public synchronized Optional<Map.Entry<String, JsonObject>> logIn(String staffCode, String pin) {
        Known member = known.get(staffCode);
        if (member == null || member.loggedInAt().plus(KEPT_FOR).isBefore(clock.instant()) || member.wrongPins() >= WRONG_PINS) {
            return Optional.empty();
        }
        if (!SlowHash.matches(pin, member.pinHash())) {
            known.put(staffCode, new Known(member.pinHash(), member.staff(), member.loggedInAt(), member.wrongPins() + 1));
            save();
            return Optional.empty();
        }
        if (member.wrongPins() > 0) {
            known.put(staffCode, new Known(member.pinHash(), member.staff(), member.loggedInAt(), 0));
            save();
        }
        String token = SlowHash.randomToken(32);
        sessions.put(SlowHash.digest(token), caller(member.staff()));
        return Optional.of(Map.entry(token, member.staff()));
    }

    /** The caller of an offline session's token, if it is one. */
    public Optional<Caller> session(String token) {
        return Optional.ofNullable(sessions.get(SlowHash.digest(token)));
    }

    public void logout(String token) {
        sessions.remove(SlowHash.digest(token));
    }

    /** The store listed its active members: anyone else is forgotten here, their offline sessions ended. */
    public synchronized void retainOnly(Collection<String> activeStaff) {
        Set<String> active = Set.copyOf(activeStaff);
        if (known.keySet().removeIf(code -> !active.contains(code))) {
            save();
        }
        sessions.values().removeIf(caller -> !active.contains(caller.staffCode()));
    }

    public synchronized boolean knows(String staffCode) {
        return known.containsKey(staffCode);
    }

    private Caller caller(JsonObject staff) {
        Set<String> roles = Set.copyOf(staff.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        return new Caller(staff.getString("code"), staff.getString("name"), roles, settings.terminalId());
    }

    private void save() {
        JsonObjectBuilder all = Json.createObjectBuilder();
        known.forEach((code, k) -> all.add(code, Json.createObjectBuilder().add("pinHash", k.pinHash()).add("staff", k.staff())
                .add("loggedInAt", k.loggedInAt().toString()).add("wrongPins", k.wrongPins())));
        DurableFiles.write(file, all.build().toString());
    }
}
