/**
 * Message-driven consumers of the events topic. Each listens on its own durable shared
 * subscription (configured in server.xml as the activation spec {@code orderflow/<BeanName>}),
 * one message at a time so a stream's events are handled in order, and hands each event to its
 * application consumer through the idempotent delivery, in the message's transaction.
 */
package org.orderflow.messaging.consume;
