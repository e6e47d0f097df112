package org.orderflow.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.orderflow.application.audit.AuditTrail;
import org.orderflow.application.audit.OperatorAction;
import org.orderflow.persistence.SqlValues;

/** {@link AuditTrail} in {@code operator_audit}; the database refuses to change or delete a row. */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() { };

    private EntityManager em;

    protected JpaAuditTrail() {
        // for CDI proxies
    }

    @Inject
    public JpaAuditTrail(EntityManager em) {
        this.em = em;
    }

    @Override
    public OperatorAction record(OperatorAction action) {
        Object id = em.createNativeQuery("""
                        INSERT INTO operator_audit (at, actor, tenant_id, action, method, path, parameters, outcome, status, detail)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, ?10) RETURNING id""")
                .setParameter(1, action.at())
                .setParameter(2, action.actor())
                .setParameter(3, action.tenantId())
                .setParameter(4, action.action())
                .setParameter(5, action.method())
                .setParameter(6, action.path())
                .setParameter(7, json(action.parameters()))
                .setParameter(8, action.outcome().name().toLowerCase(Locale.ROOT))
                .setParameter(9, action.status())
                .setParameter(10, action.detail())
                .getSingleResult();
        return new OperatorAction(((Number) id).longValue(), action.at(), action.actor(), action.tenantId(), action.action(),
                action.method(), action.path(), action.parameters(), action.outcome(), action.status(), action.detail());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<OperatorAction> find(Query query) {
        StringBuilder where = new StringBuilder("WHERE true");
        List<Object> parameters = new ArrayList<>();
        filter(where, parameters, "actor = ?", query.actor());
        filter(where, parameters, "tenant_id = ?", query.tenantId());
        filter(where, parameters, "action = ?", query.action());
        filter(where, parameters, "outcome = ?",
                query.outcome() == null ? null : query.outcome().name().toLowerCase(Locale.ROOT));
        filter(where, parameters, "at >= ?", query.since());
        filter(where, parameters, "at < ?", query.until());
        var select = em.createNativeQuery("SELECT id, at, actor, tenant_id, action, method, path, CAST(parameters AS text),"
                        + " outcome, status, detail FROM operator_audit " + where + " ORDER BY id DESC")
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        for (int i = 0; i < parameters.size(); i++) {
            select.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = select.getResultList();
        return rows.stream().map(JpaAuditTrail::action).toList();
    }

    private static void filter(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            parameters.add(value);
            where.append(" AND ").append(condition.replace("?", "?" + parameters.size()));
        }
    }

    private static OperatorAction action(Object[] row) {
        return new OperatorAction(((Number) row[0]).longValue(), SqlValues.instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], parameters((String) row[7]),
                OperatorAction.Outcome.valueOf(((String) row[8]).toUpperCase(Locale.ROOT)), ((Number) row[9]).intValue(),
                (String) row[10]);
    }

    private static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parameters(String json) {
        try {
            return JSON.readValue(json, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit parameters: " + json, e);
        }
    }
}
