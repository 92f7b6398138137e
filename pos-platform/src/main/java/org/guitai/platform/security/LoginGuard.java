package org.guitai.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.kernel.security.SlowChecks;
import org.guitai.kernel.security.SlowHash;
import org.guitai.kernel.security.Throttle;

/**
 * Checks a staff code and its secret (a PIN at a counter, a password at HQ), throttled per
 * {@link LoginKey}, the same way on every server. Each attempt is counted as a failure before the
 * secret is checked, and forgiven when it was right, so concurrent guesses cannot slip past the
 * throttle while the slow hash runs. The slow hash runs outside any transaction (it holds no
 * pooled connection or row lock) and only on half the cores at once ({@link SlowChecks}), so a
 * flood of guesses cannot take a server's CPU or database connections; an attempt that waits too
 * long for its turn is answered 503 and not counted. Unknown and known codes take the same steps,
 * the same hashing work and the same answers.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    /** Verified against when the staff code is unknown or inactive, so every failure takes the same time. */
    private static final String DECOY_HASH = SlowHash.hash("decoy");

    /**
     * What a server brings to a login: where its tallies are, how hard it throttles, what is typed
     * with the code ({@code PIN}, {@code password}, in messages), who its active members are, how
     * their secret is checked, and how it records refusals.
     *
     * @param <M> the server's staff member
     */
    public record Door<M>(ThrottleTable table, Throttle.Policy policy, String secret, Function<String, Optional<M>> activeMember,
                          BiPredicate<M, String> secretMatches, Refusals refusals) {
    }

    /** How a server records the logins it refuses; each in a transaction of its own, so it stays when the request rolls back. */
    public interface Refusals {

        /** The attempt was refused before its secret was checked (slowed down or locked). */
        void refused(LoginKey key, LoginThrottles.Attempt attempt);

        /** The secret was wrong; {@code attempt.locks()} says whether this failure locked the key. */
        void failed(LoginKey key, LoginThrottles.Attempt attempt);
    }

    @Inject
    LoginThrottles throttles;

    @Inject
    Clock clock;

    /**
     * The active member with this code and secret.
     *
     * @throws LoginThrottledException while the key is slowed down (429) or locked (423)
     * @throws InvalidCredentialsException for a wrong code or secret, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public <M> M verify(LoginKey key, String secret, Door<M> door) {
        // the turn at the hash comes first: an attempt that never gets one is not counted against the code
        return SlowChecks.inTurn(() -> {
            Instant now = clock.instant();
            try {
                throttles.forgetQuietFailures(door.table(), now, door.policy().lockFor());
            } catch (RuntimeException e) {
                // housekeeping: the attempt is weighed all the same, and the next one purges again
                LOG.log(Level.WARNING, "forgetting quiet login failures failed: " + e);
            }
            LoginThrottles.Attempt attempt = throttles.reserve(door.table(), key, now, door.policy());
            if (attempt.refusal().isPresent()) {
                door.refusals().refused(key, attempt);
                throw new LoginThrottledException(attempt.refusal().get(), now, key, door.secret());
            }
            Optional<M> member = door.activeMember().apply(key.staffCode());
            boolean matches = member.isPresent() ? door.secretMatches().test(member.get(), secret) : spendTheSameTime(secret);
            if (!matches) {
                throttles.answered(door.table(), key, clock.instant(), door.policy());
                door.refusals().failed(key, attempt);
                throw new InvalidCredentialsException(door.secret());
            }
            throttles.forget(door.table(), key);
            return member.get();
        });
    }

    private static boolean spendTheSameTime(String secret) {
        SlowHash.matches(secret, DECOY_HASH);
        return false;
    }
}
