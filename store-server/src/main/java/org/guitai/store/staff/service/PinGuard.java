package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import org.guitai.kernel.security.Throttle;
import org.guitai.platform.security.InvalidCredentialsException;
import org.guitai.platform.security.LoginGuard;
import org.guitai.platform.security.LoginKey;
import org.guitai.platform.security.LoginThrottledException;
import org.guitai.platform.security.LoginThrottles;
import org.guitai.platform.security.ThrottleTable;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.staff.domain.Staff;

/**
 * A staff code and PIN typed at a terminal, for a login or for a manager's approval, checked by the
 * platform's {@link LoginGuard} with throttling per (code, terminal): locks are per terminal, so
 * guessing at one counter cannot lock a manager out of the others, and a manager can lift them.
 * Every refusal is audited, in a transaction of its own, so it stays recorded although the refused
 * request is rolled back.
 */
@ApplicationScoped
public class PinGuard {

    static final ThrottleTable THROTTLE = new ThrottleTable("login_throttle", true);

    @Inject
    LoginGuard guard;

    @Inject
    LoginThrottles throttles;

    @Inject
    StaffRepository staff;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    /**
     * The active staff member with this code and PIN at this terminal.
     *
     * @throws LoginThrottledException while the code is slowed down or locked at this terminal
     * @throws InvalidCredentialsException for a wrong code or PIN, without saying which
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Staff verify(String staffCode, String pin, String terminalId, String purpose) {
        return verify(staffCode, pin, terminalId, purpose, AuditLog.Who.of(staffCode, terminalId));
    }

    /**
     * The same for a manager's approval: a failure is audited with who asked for it
     * ({@code who.requestedBy()}) and the manager's code as approver.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Staff verify(String staffCode, String pin, String terminalId, String purpose, AuditLog.Who who) {
        return guard.verify(LoginKey.atTerminal(staffCode, terminalId), pin, new LoginGuard.Door<>(THROTTLE, settings.loginPolicy(), "PIN",
                code -> staff.find(code).filter(Staff::isActive), Staff::pinMatches, new Audited(purpose, who)));
    }

    /** A manager lifts a lock: at one terminal, or at all when {@code terminalId} is empty. */
    @Transactional
    public int unlock(String staffCode, Optional<String> terminalId, AuditLog.Who manager) {
        int lifted = throttles.lift(THROTTLE, new LoginKey(staffCode, terminalId));
        audit.record(AuditEvent.LOGIN_UNLOCKED, manager, null, staffCode,
                "login of " + staffCode + " unlocked at " + terminalId.orElse("every terminal"));
        return lifted;
    }

    /** Refused PINs go in the audit log: who asked, for what, at which terminal. */
    private final class Audited implements LoginGuard.Refusals {

        private final String purpose;
        private final AuditLog.Who who;

        Audited(String purpose, AuditLog.Who who) {
            this.purpose = purpose;
            this.who = who;
        }

        @Override
        public void refused(LoginKey key, LoginThrottles.Attempt attempt) {
            Throttle.Refusal refusal = attempt.refusal().orElseThrow();
            audit.recordRefusal(AuditEvent.LOGIN_FAILED, who, key.staffCode(),
                    "attempt for " + purpose + " refused: " + (refusal.locked() ? "locked" : "slowed down") + " until " + refusal.until());
        }

        @Override
        public void failed(LoginKey key, LoginThrottles.Attempt attempt) {
            audit.recordRefusal(AuditEvent.LOGIN_FAILED, who, key.staffCode(),
                    "wrong staff code or PIN for " + purpose + " (failure " + attempt.failures() + ")");
            if (attempt.locks()) {
                audit.recordRefusal(AuditEvent.LOGIN_LOCKED, who, key.staffCode(),
                        "locked at " + key.terminalId().orElseThrow() + " after " + attempt.failures() + " wrong PINs");
            }
        }
    }
}
