package org.orderflow.application.fulfilment;

import java.time.Duration;

/**
 * What the checkout reports as it goes, for metrics (port; the web module times them with
 * MicroProfile Metrics). Called inside the step's transaction: it must be quick and never fail.
 */
public interface CheckoutObserver {

    /** A step of the process manager ran: {@code reserve_stock}, {@code release_stock} or {@code commit_stock}. */
    void step(String step, Duration took);

    /**
     * A checkout ended: {@code confirmed}, or {@code cancelled} with its reason code; {@code sinceStart}
     * from the checkout's start to now.
     */
    void settled(String outcome, String reasonCode, Duration sinceStart);
}
