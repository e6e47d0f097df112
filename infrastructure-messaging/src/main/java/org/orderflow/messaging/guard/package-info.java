/**
 * Protection of the consumers' outbound calls: circuit breakers (MicroProfile Fault Tolerance)
 * around the webhook and the mail notifier, and {@link org.orderflow.messaging.guard.ConsumerPauses},
 * which pauses a consumer's subscription while its receiver is unavailable so that the broker's
 * redelivery comes after a delay instead of at once.
 */
package org.orderflow.messaging.guard;
