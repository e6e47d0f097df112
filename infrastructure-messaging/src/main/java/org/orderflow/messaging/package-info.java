/**
 * JMS and outbound adapters: the published message format ({@link org.orderflow.messaging.EventMessages}),
 * the topic publisher, the message-driven consumers, the dead-letter queue, mail and webhook clients.
 */
package org.orderflow.messaging;
