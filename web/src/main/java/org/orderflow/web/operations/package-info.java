/** Operator endpoints under {@code /api/ops}: snapshot statistics and invalidation. */
package org.orderflow.web.operations;
