package org.orderflow.application.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order read models (summaries and details), as written by their projectors. Eventually
 * consistent with the event store; callers that need their own writes wait for the projectors
 * to pass a position first (see {@code ProjectionStatus}).
 */
public interface OrderReadModel {

    /** The projector that writes {@link #details}: what a query waits for to read its own writes. */
    String DETAILS_PROJECTOR = "order-details";

    /** The projector that writes {@link #summaries}. */
    String SUMMARIES_PROJECTOR = "order-summary";

    /** The order's details; empty if unknown (or not projected yet). */
    Optional<OrderView> details(String tenantId, UUID orderId);

    /**
     * Summaries of the tenant's orders, newest first.
     *
     * @param status     only orders in this status, or null for all
     * @param customerId only this customer's orders, or null for all
     */
    List<OrderSummaryView> summaries(String tenantId, String status, String customerId, int offset, int limit);
}
