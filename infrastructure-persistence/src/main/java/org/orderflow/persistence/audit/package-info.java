/** The operator audit trail in {@code operator_audit}, append-only by trigger (migration V10). */
package org.orderflow.persistence.audit;
