/**
 * What the service measures about itself, as MicroProfile Metrics ({@code /metrics?scope=application}):
 * commands, the event store, consumers (timed where they happen) and the operational state read
 * at scrape time (projection lag, rebuilds, outbox backlog, dead letters).
 */
package org.orderflow.web.observability;
