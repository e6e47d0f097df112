/**
 * The public contract of published events: what other systems receive for each stored event
 * type, as explicit versioned records mapped from the domain events. A change inside the domain
 * does not change what subscribers see unless this mapping changes — and a change here is a
 * contract change: a new version of the record, announced in {@code docs/asyncapi.yaml} and
 * pinned by the published golden files.
 */
package org.orderflow.application.published;
