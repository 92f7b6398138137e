package org.guitai.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions a server found live lately, by token digest, so that most requests need no
 * database read: each is trusted for a while after it was checked, and forgotten at once when it
 * ends. It holds at most ten thousand; past that, the stale ones go first.
 */
public final class CheckedSessions {

    private static final int MAX_REMEMBERED = 10_000;

    private record Checked(Caller caller, Instant at) {
    }

    private final Map<String, Checked> byDigest = new ConcurrentHashMap<>();

    /** The caller of a session checked live less than {@code trust} before {@code now}. */
    public Optional<Caller> trusted(String digest, Instant now, Duration trust) {
        Checked checked = byDigest.get(digest);
        return checked != null && now.isBefore(checked.at().plus(trust)) ? Optional.of(checked.caller()) : Optional.empty();
    }

    public void remember(String digest, Caller caller, Instant now, Duration trust) {
        if (byDigest.size() >= MAX_REMEMBERED) {
            Instant stale = now.minus(trust);
            byDigest.values().removeIf(c -> c.at().isBefore(stale));
        }
        byDigest.put(digest, new Checked(caller, now));
    }

    public void forget(String digest) {
        byDigest.remove(digest);
    }

    public void forgetSessionsOf(String staffCode) {
        byDigest.values().removeIf(c -> c.caller().staffCode().equals(staffCode));
    }
}
