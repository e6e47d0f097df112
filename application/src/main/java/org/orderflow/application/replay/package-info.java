/**
 * The replay check: every stored event of every stream read through the current upcasters and
 * replayed into its aggregate, reporting what no longer reads. Run it before deploying a change
 * to events or aggregates, and in CI against a fixture holding every historical version.
 */
package org.orderflow.application.replay;
