/**
 * The command side's plumbing: a command runs in one transaction (load the aggregate's
 * history, decide, append with the expected version, remember the idempotency key), and the
 * {@link org.orderflow.application.command.CommandBus} retries it when another writer got there
 * first, unless the client pinned the version it decided on.
 */
package org.orderflow.application.command;
