package org.orderflow.application.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded operator action.
 *
 * @param id         the trail's sequence number (0 before it is recorded)
 * @param action     the operation's name (its OpenAPI operation id, e.g. {@code rebuildProjection})
 * @param parameters path and query parameters and the request body's fields, as text
 * @param status     the HTTP status the action was answered with
 * @param detail     the problem's detail when it was refused or failed
 */
public record OperatorAction(long id, Instant at, String actor, String tenantId, String action, String method, String path,
                             Map<String, String> parameters, Outcome outcome, int status, String detail) {

    public OperatorAction {
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(action);
        parameters = Map.copyOf(parameters);
    }

    /** How the action ended. */
    public enum Outcome {
        SUCCEEDED, REFUSED, FAILED;

        /** 2xx (and 3xx) succeeded, 4xx was refused, 5xx failed. */
        public static Outcome of(int status) {
            return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
        }
    }
}
