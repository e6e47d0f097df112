package org.orderflow.application.integration;

import org.orderflow.application.outbox.IntegrationEvent;

/** An external endpoint that receives events. Implementations retry; they throw when every attempt failed. */
public interface Webhook {

    /** Delivers the event; returns a short description of the endpoint's answer. */
    String deliver(IntegrationEvent event);
}
