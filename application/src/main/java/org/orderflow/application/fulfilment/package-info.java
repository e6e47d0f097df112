/**
 * Fulfilment: the checkout process manager. {@link org.orderflow.application.fulfilment.FulfilmentProcess}
 * follows the log like a projector (same checkpoint, same gap-safe reader, same error parking)
 * and takes the order's steps — reserve stock, confirm, commit stock; or cancel, release, refund —
 * in the transaction that moves its checkpoint. Calls to the payment provider cannot join a
 * database transaction, so {@link org.orderflow.application.fulfilment.CheckoutPayments} makes
 * them from timers under a lease, with one idempotency key per order, and records their answers
 * as order events. {@link org.orderflow.application.fulfilment.CheckoutDecisions} is the pure part.
 */
package org.orderflow.application.fulfilment;
