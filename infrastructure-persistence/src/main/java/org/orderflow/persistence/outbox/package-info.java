/** The outbox adapter: the events table read through the gap-safe reader, and each publisher's cursor. */
package org.orderflow.persistence.outbox;
