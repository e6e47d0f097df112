package org.orderflow.application.audit;

import java.time.Instant;
import java.util.List;

/** The append-only store of operator actions. Joins the caller's transaction. */
public interface AuditTrail {

    /** Appends the action; returns it with its sequence number. */
    OperatorAction record(OperatorAction action);

    /** Which actions to list; null fields do not filter. Newest first. */
    record Query(String actor, String tenantId, String action, OperatorAction.Outcome outcome, Instant since, Instant until,
                 int page, int size) {
    }

    List<OperatorAction> find(Query query);
}
