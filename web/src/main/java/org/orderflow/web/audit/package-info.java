/** The operator audit trail over HTTP: every operations call that changes something is recorded; {@code GET /ops/audit} reads it. */
package org.orderflow.web.audit;
