package org.orderflow.application.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Records operator actions and reads them back. */
@ApplicationScoped
public class OperatorAudit {

    private AuditTrail trail;

    protected OperatorAudit() {
        // for CDI proxies
    }

    @Inject
    public OperatorAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Records an action after it was answered, in a transaction of its own: the record stands
     * whether the action's own transaction committed or rolled back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OperatorAction record(OperatorAction action) {
        return trail.record(action);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OperatorAction> find(AuditTrail.Query query) {
        return trail.find(query);
    }
}
