package org.orderflow.application.outbox;

import java.util.List;
import java.util.Optional;

/** Where published events go: a broker's topic. Never part of the database transaction. */
public interface MessageTransport {

    /**
     * Sends the messages in order, each made durable by the broker before the next is sent, and
     * stops at the first failure.
     *
     * @return how many were sent, and the failure that stopped the rest
     */
    Delivery send(List<IntegrationEvent> messages);

    record Delivery(int sent, Optional<RuntimeException> failure) {

        public static Delivery all(int sent) {
            return new Delivery(sent, Optional.empty());
        }

        public static Delivery partial(int sent, RuntimeException failure) {
            return new Delivery(sent, Optional.of(failure));
        }
    }
}
