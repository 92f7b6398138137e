package org.guitai.platform.security;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.guitai.kernel.security.SlowHash;

/**
 * Staff sessions, the same on every server: a random 128-bit token of which only the digest is
 * stored, live until logout, the idle timeout or the absolute one, and only while its staff
 * member is active. Each server extends it once, naming its table and timeouts and saying who its
 * active members are; the token filter then resolves every request's caller through it.
 */
public abstract class StaffSessions implements Sessions {

    private final CheckedSessions checked = new CheckedSessions();

    @Inject
    SessionRows rows;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Where a server keeps its sessions and how long they last.
     *
     * @param recheckAfter how long a session checked live is taken on trust before it is read
     * again; zero reads it on every request, as a server that runs as several instances must
     * (another may have ended it)
     */
    public record Policy(SessionTable table, Duration idleTimeout, Duration absoluteTimeout, Duration recheckAfter) {
    }

    protected abstract Policy policy();

    /** The caller an active staff member is (at the terminal, where sessions belong to one); empty when unknown or inactive. */
    protected abstract Optional<Caller> activeCaller(String staffCode, Optional<String> terminalId);

    /** Opens a session for a member whose secret was just proved right; the token is known only to its owner. */
    @Transactional(TxType.REQUIRES_NEW)
    public String open(String staffCode, Optional<String> terminalId) {
        String token = SlowHash.randomToken(16);
        rows.insert(policy().table(), SlowHash.digest(token), staffCode, terminalId, clock.instant());
        return token;
    }

    /**
     * The caller behind a token. The session is read at most every {@link Policy#recheckAfter()} per
     * token (logout and ending a member's sessions forget it at once); its use is written, in a
     * transaction of its own, only when it is due. No transaction is asked for: a recent check
     * answers most calls without the database.
     */
    @Override
    public Caller resolve(String token) {
        Instant now = clock.instant();
        Policy policy = policy();
        String digest = SlowHash.digest(token);
        Optional<Caller> trusted = checked.trusted(digest, now, policy.recheckAfter());
        if (trusted.isPresent()) {
            return trusted.get();
        }
        Optional<SessionRow> session = rows.find(policy.table(), digest)
                .filter(s -> s.isLive(now, policy.idleTimeout(), policy.absoluteTimeout()));
        Optional<Caller> caller = session.flatMap(s -> activeCaller(s.staffCode(), s.terminalId()));
        if (caller.isEmpty()) {
            checked.forget(digest);
            throw new NotAuthenticatedException("the session token is unknown, ended or expired: log in again");
        }
        if (session.get().isTouchDue(now)) {
            rows.touch(policy.table(), digest, now);
        }
        if (!policy.recheckAfter().isZero()) {
            checked.remember(digest, caller.get(), now, policy.recheckAfter());
        }
        return caller.get();
    }

    @Override
    public void logout(String token) {
        String digest = SlowHash.digest(token);
        checked.forget(digest);
        rows.end(policy().table(), digest, clock.instant());
    }

    /**
     * Ends every live session of a staff member in the caller's transaction (disabling them), and
     * forgets what was checked of them once it commits, so a request racing the commit cannot keep
     * one alive.
     */
    @Transactional(TxType.MANDATORY)
    public void endSessionsOf(String staffCode) {
        rows.endAllOf(policy().table(), staffCode, clock.instant());
        checked.forgetSessionsOf(staffCode);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                checked.forgetSessionsOf(staffCode);
            }
        });
    }
}
