package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guitai.hq.staff.domain.HqRole;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.security.RoleNames;

/** HQ's staff in {@code hq_staff}, as logins look them up and the master-data import adds them. */
@ApplicationScoped
public class HqStaffRepository {

    private static final RowBatch.Table STAFF = RowBatch.table("hq_staff",
            List.of("code", "name", "roles", "password_hash", "active", "created_at"));

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    /** The member with this code who may log in: known and active. */
    public Optional<HqStaff> active(String code) {
        List<?> rows = em.createNativeQuery("select code, name, roles, password_hash from hq_staff where code = ? and active")
                .setParameter(1, code).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(row -> new HqStaff((String) row[0], (String) row[1], RoleNames.parse((String) row[2], HqRole.class), (String) row[3], true));
    }

    /** Whether any member, active or not, has this code (codes are never reused). */
    public boolean exists(String code) {
        return !em.createNativeQuery("select 1 from hq_staff where code = ?").setParameter(1, code).getResultList().isEmpty();
    }

    /** A new member, enrolled at {@code now}, in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void add(HqStaff member, Instant now) {
        new RowBatch().insert(STAFF, member.code(), member.name(), RoleNames.join(member.roles()), member.passwordHash(), member.active(), now)
                .execute(em);
    }
}
