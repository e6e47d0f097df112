/**
 * Event versioning: stored events keep the schema version they were written in; upcasters lift
 * an old stored shape one version at a time, as pure functions on a plain JSON-like tree
 * ({@code Map<String, Object>} of strings, numbers, booleans, lists, maps and nulls), so the
 * domain only ever sees current events and needs no JSON library.
 */
package org.orderflow.domain.versioning;
