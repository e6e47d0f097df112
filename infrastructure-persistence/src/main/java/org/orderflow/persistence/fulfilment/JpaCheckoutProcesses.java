package org.orderflow.persistence.fulfilment;

import static org.orderflow.persistence.SqlValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderflow.application.fulfilment.CheckoutProcess;
import org.orderflow.application.fulfilment.CheckoutProcesses;

/** {@link CheckoutProcesses} in {@code checkout_processes}, by native SQL. */
@ApplicationScoped
public class JpaCheckoutProcesses implements CheckoutProcesses {

    private static final String COLUMNS = """
            tenant_id, order_id, state, step, amount_cents, payment_attempts, next_attempt_at, deadline,
            authorization_id, reason_code, refund_pending, last_error, started_at, updated_at""";
    private static final String RETURNED = """
            c.tenant_id, c.order_id, c.state, c.step, c.amount_cents, c.payment_attempts, c.next_attempt_at,
            c.deadline, c.authorization_id, c.reason_code, c.refund_pending, c.last_error, c.started_at, c.updated_at""";

    private EntityManager em;

    protected JpaCheckoutProcesses() {
        // for CDI proxies
    }

    @Inject
    public JpaCheckoutProcesses(EntityManager em) {
        this.em = em;
    }

    @Override
    public void started(String tenantId, UUID orderId, long amountCents, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO checkout_processes (tenant_id, order_id, state, step, amount_cents, started_at, updated_at)
                        VALUES (?1, ?2, 'RUNNING', 'reserving stock', ?3, ?4, ?4)
                        ON CONFLICT (tenant_id, order_id) DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, amountCents)
                .setParameter(4, ts(at))
                .executeUpdate();
    }

    @Override
    public void awaitPayment(String tenantId, UUID orderId, Instant deadline, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes
                           SET state = 'WAITING_FOR_PAYMENT', step = 'authorizing payment', next_attempt_at = ?3,
                               deadline = ?4, updated_at = ?3
                         WHERE tenant_id = ?1 AND order_id = ?2 AND state = 'RUNNING'""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, ts(at)).setParameter(4, ts(deadline))
                .executeUpdate();
    }

    @Override
    public Optional<CheckoutProcess> find(String tenantId, UUID orderId) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM checkout_processes WHERE tenant_id = ?1 AND order_id = ?2")
                .setParameter(1, tenantId).setParameter(2, orderId).getResultList()).stream().findFirst();
    }

    @Override
    public Optional<CheckoutProcess> findInAnyTenant(UUID orderId) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM checkout_processes WHERE order_id = ?1 LIMIT 1")
                .setParameter(1, orderId).getResultList()).stream().findFirst();
    }

    @Override
    public List<CheckoutProcess> claimDuePayments(Instant now, Instant leaseUntil, int max) {
        return rows(em.createNativeQuery("""
                        UPDATE checkout_processes c
                           SET payment_attempts = payment_attempts + 1, next_attempt_at = ?2, updated_at = ?1,
                               step = 'authorizing payment (attempt ' || (payment_attempts + 1) || ')'
                          FROM (SELECT tenant_id, order_id FROM checkout_processes
                                 WHERE state = 'WAITING_FOR_PAYMENT' AND next_attempt_at <= ?1
                                   AND (deadline IS NULL OR deadline > ?1)
                                 ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED) due
                         WHERE c.tenant_id = due.tenant_id AND c.order_id = due.order_id
                        RETURNING
                        """ + RETURNED)
                .setParameter(1, ts(now)).setParameter(2, ts(leaseUntil)).setParameter(3, max)
                .getResultList());
    }

    @Override
    public List<CheckoutProcess> claimDueRefunds(Instant now, Instant leaseUntil, int max) {
        return rows(em.createNativeQuery("""
                        UPDATE checkout_processes c
                           SET next_attempt_at = ?2, updated_at = ?1, step = 'refunding payment'
                          FROM (SELECT tenant_id, order_id FROM checkout_processes
                                 WHERE state = 'COMPENSATING' AND refund_pending AND next_attempt_at <= ?1
                                 ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED) due
                         WHERE c.tenant_id = due.tenant_id AND c.order_id = due.order_id
                        RETURNING
                        """ + RETURNED)
                .setParameter(1, ts(now)).setParameter(2, ts(leaseUntil)).setParameter(3, max)
                .getResultList());
    }

    @Override
    public List<CheckoutProcess> overdue(Instant now, int max) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + """
                         FROM checkout_processes WHERE state = 'WAITING_FOR_PAYMENT' AND deadline <= ?1
                        ORDER BY deadline LIMIT ?2""")
                .setParameter(1, ts(now)).setParameter(2, max).getResultList());
    }

    @Override
    public void retryAt(String tenantId, UUID orderId, Instant next, String error, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes SET next_attempt_at = ?3, last_error = ?4, updated_at = ?5,
                               step = CASE state WHEN 'COMPENSATING' THEN 'refund failed, retrying'
                                                 ELSE 'payment provider failed, retrying' END
                         WHERE tenant_id = ?1 AND order_id = ?2 AND state IN ('WAITING_FOR_PAYMENT', 'COMPENSATING')""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, ts(next))
                .setParameter(4, truncate(error)).setParameter(5, ts(at))
                .executeUpdate();
    }

    @Override
    public void approved(String tenantId, UUID orderId, String authorizationId, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes SET authorization_id = ?3, updated_at = ?4
                         WHERE tenant_id = ?1 AND order_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, authorizationId)
                .setParameter(4, ts(at))
                .executeUpdate();
    }

    @Override
    public void cancelled(String tenantId, UUID orderId, String reasonCode, boolean refund, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes
                           SET state = CASE WHEN ?4 THEN 'COMPENSATING' ELSE 'FAILED' END,
                               step = CASE WHEN ?4 THEN 'refund due' ELSE 'cancelled, stock released' END,
                               reason_code = ?3, refund_pending = ?4, next_attempt_at = CASE WHEN ?4 THEN CAST(?5 AS timestamptz) END,
                               updated_at = ?5
                         WHERE tenant_id = ?1 AND order_id = ?2 AND state NOT IN ('FAILED', 'DONE', 'COMPENSATING')""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, reasonCode).setParameter(4, refund)
                .setParameter(5, ts(at))
                .executeUpdate();
    }

    @Override
    public void refundDue(String tenantId, UUID orderId, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes
                           SET state = 'COMPENSATING', step = 'late approval, refund due', refund_pending = true,
                               next_attempt_at = ?3, updated_at = ?3
                         WHERE tenant_id = ?1 AND order_id = ?2 AND state <> 'DONE'""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, ts(at))
                .executeUpdate();
    }

    @Override
    public void refunded(String tenantId, UUID orderId, String outcome, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes
                           SET state = 'FAILED', step = 'cancelled, stock released, ' || ?3, refund_pending = false,
                               next_attempt_at = NULL, updated_at = ?4
                         WHERE tenant_id = ?1 AND order_id = ?2 AND state = 'COMPENSATING'""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, outcome).setParameter(4, ts(at))
                .executeUpdate();
    }

    @Override
    public void confirmed(String tenantId, UUID orderId, Instant at) {
        em.createNativeQuery("""
                        UPDATE checkout_processes
                           SET state = 'DONE', step = 'confirmed, stock committed', next_attempt_at = NULL, updated_at = ?3
                         WHERE tenant_id = ?1 AND order_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, ts(at))
                .executeUpdate();
    }

    @Override
    public boolean retryNow(String tenantId, UUID orderId, Instant at) {
        return em.createNativeQuery("""
                        UPDATE checkout_processes SET next_attempt_at = ?3, updated_at = ?3
                         WHERE tenant_id = ?1 AND order_id = ?2
                           AND (state = 'WAITING_FOR_PAYMENT' OR (state = 'COMPENSATING' AND refund_pending))""")
                .setParameter(1, tenantId).setParameter(2, orderId).setParameter(3, ts(at))
                .executeUpdate() == 1;
    }

    @Override
    public Stats stats() {
        java.util.Map<CheckoutProcess.State, Long> byState = new java.util.EnumMap<>(CheckoutProcess.State.class);
        java.util.Map<String, Long> byReason = new java.util.TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT state, reason_code, count(*) FROM checkout_processes GROUP BY state, reason_code").getResultList();
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            byState.merge(CheckoutProcess.State.valueOf((String) row[0]), count, Long::sum);
            if (row[1] != null) {
                byReason.merge((String) row[1], count, Long::sum);
            }
        }
        return new Stats(byState, byReason);
    }

    @Override
    public List<CheckoutProcess> list(Optional<String> tenantId, Optional<CheckoutProcess.State> state, int offset,
                                      int limit) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + """
                         FROM checkout_processes
                        WHERE (CAST(?1 AS text) IS NULL OR tenant_id = ?1) AND (CAST(?2 AS text) IS NULL OR state = ?2)
                        ORDER BY started_at DESC, order_id OFFSET ?3 LIMIT ?4""")
                .setParameter(1, tenantId.orElse(null)).setParameter(2, state.map(Enum::name).orElse(null))
                .setParameter(3, offset).setParameter(4, limit)
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<CheckoutProcess> rows(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(JpaCheckoutProcesses::process).toList();
    }

    private static CheckoutProcess process(Object[] row) {
        return new CheckoutProcess((String) row[0], (UUID) row[1], CheckoutProcess.State.valueOf((String) row[2]),
                (String) row[3], ((Number) row[4]).longValue(), ((Number) row[5]).intValue(), instant(row[6]),
                instant(row[7]), (String) row[8], (String) row[9], (Boolean) row[10], (String) row[11],
                instant(row[12]), instant(row[13]));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
