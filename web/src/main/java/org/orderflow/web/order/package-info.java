/**
 * The order API: task-based commands ({@code POST /orders/{id}/confirm}) with the original
 * example's snake_case wrapper bodies, and the order queries.
 */
package org.orderflow.web.order;
