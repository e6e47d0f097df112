/**
 * The payment port: authorizations and refunds at a payment provider, idempotent by key. Adapters
 * live in {@code infrastructure-messaging} (a simulated provider, the default, and an HTTP one).
 */
package org.orderflow.application.payment;
