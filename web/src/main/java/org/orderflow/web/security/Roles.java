package org.orderflow.web.security;

/**
 * The roles of the API: values of the token's {@code groups} claim. Least privilege: each role
 * allows one kind of work, and a caller holds as many as it needs.
 */
public final class Roles {

    /** Reads orders and products (state, history, lists). */
    public static final String READER = "reader";
    /** Creates orders and runs their commands. */
    public static final String ORDER_WRITER = "order-writer";
    /** Creates, reprices and deletes products. */
    public static final String CATALOGUE_MANAGER = "catalogue-manager";
    /**
     * Operates the service for one tenant: projection status and errors, dead letters, outbox and
     * snapshot status, the audit trail, {@code /metrics}; sees only its own tenant's data.
     */
    public static final String OPERATOR = "operator";
    /**
     * Operates the whole service: every tenant's data, and the actions that cross tenants
     * (rebuilds, replay checks, bulk retries, replays and purges, snapshot deletion).
     */
    public static final String PLATFORM_OPERATOR = "platform-operator";

    private Roles() {
    }
}
