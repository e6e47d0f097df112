/**
 * The transactional outbox. The event store's table is the outbox: every stored event is
 * published, once its transaction is final, by the {@link org.orderflow.application.outbox.OutboxPublisher}
 * reading the global log through the gap-safe reader. The publisher's cursor only moves past an
 * event after the broker accepted it, so publication is at least once, in (transaction, position)
 * order, which keeps every stream's own order.
 */
package org.orderflow.application.outbox;
