/**
 * Consumers of published events. Each {@link org.orderflow.application.consumer.EventConsumer}
 * is delivered through {@link org.orderflow.application.consumer.IdempotentDelivery}, which
 * records the event id in the consumer's {@link org.orderflow.application.consumer.Inbox} in the
 * transaction of the consumer's effect: a redelivered message finds its id and has no second effect.
 */
package org.orderflow.application.consumer;
