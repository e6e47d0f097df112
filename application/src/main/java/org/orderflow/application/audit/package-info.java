/**
 * The operator audit trail: every action an operator takes through the operations API (rebuilds,
 * retries, skips, dead-letter replays and purges, snapshot deletes, replay checks) is recorded —
 * who, when, tenant, what, with which parameters, and how it ended — in an append-only store.
 */
package org.orderflow.application.audit;
