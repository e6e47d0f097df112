package org.orderflow.application.integration;

import org.orderflow.application.outbox.IntegrationEvent;

/**
 * An external endpoint that receives events. One call is one try: the broker's redelivery is the
 * only retry. Throws {@link org.orderflow.application.consumer.ReceiverUnavailable} when the
 * endpoint is down, overloaded or timed out, any other exception when it refused the event.
 */
public interface Webhook {

    /** Delivers the event; returns a short description of the endpoint's answer. */
    String deliver(IntegrationEvent event);
}
