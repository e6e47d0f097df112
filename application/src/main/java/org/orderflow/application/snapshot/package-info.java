/**
 * Snapshots: a disposable cache of an aggregate's state at a stream version, in an explicit,
 * versioned form. Loading = latest usable snapshot + the events after it; a snapshot that is
 * stale or unreadable is ignored and the stream replayed. Never the source of truth.
 */
package org.orderflow.application.snapshot;
