/**
 * Orders: a customer's request for goods, from the first item to confirmation or cancellation.
 *
 * <p>{@link org.orderflow.domain.order.Order} is the aggregate and the only place where order
 * rules are decided; its class documentation tells the lifecycle. Everything that happens to an
 * order is one of the {@link org.orderflow.domain.order.OrderEvent} records, which are the stored
 * truth and the input of every projection. Amounts are whole cents of the shop's single currency.
 */
package org.orderflow.domain.order;
