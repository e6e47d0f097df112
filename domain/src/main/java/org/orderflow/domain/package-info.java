/**
 * The shared kernel of the orderflow domain: what every aggregate has in common.
 *
 * <p>Aggregates live in packages named after them ({@code order}, {@code product}). Each one
 * decides by returning {@link org.orderflow.domain.DomainEvent events} and rejects a forbidden
 * decision with a {@link org.orderflow.domain.DomainRuleViolation} that carries a stable,
 * machine-readable code. This module is plain Java: no framework, no clock, no id generator —
 * time and identities always come in from the caller.
 */
package org.orderflow.domain;
