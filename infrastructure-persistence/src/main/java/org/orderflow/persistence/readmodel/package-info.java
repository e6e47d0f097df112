/**
 * Read models and their projectors: order summaries (lists), order details (one order with its
 * lines) and the product catalogue, each a query-shaped table written only by its projector.
 */
package org.orderflow.persistence.readmodel;
