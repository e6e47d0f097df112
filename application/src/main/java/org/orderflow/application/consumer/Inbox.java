package org.orderflow.application.consumer;

import java.time.Instant;
import org.orderflow.application.outbox.IntegrationEvent;

/** The event ids each consumer has processed. Joins the caller's transaction. */
public interface Inbox {

    /**
     * Records that the consumer is processing the event. Returns false when the event was already
     * processed (a committed entry exists). A concurrent delivery of the same event waits for the
     * first one's transaction and then gets false if it committed.
     */
    boolean claim(String consumer, IntegrationEvent event, Instant at);

    /** Stores what the effect was for an event claimed in this transaction. */
    void recordOutcome(String consumer, IntegrationEvent event, String outcome);

    /** Forgets entries processed before {@code cutoff}; returns how many. */
    int purgeProcessedBefore(Instant cutoff);

    /** How many events the consumer has processed (within the retention). */
    long processedCount(String consumer);
}
