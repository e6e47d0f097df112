/**
 * The database schema, owned by Flyway migrations shipped in this module
 * ({@code db/migration/V*__*.sql}); applied at server start-up and by the adapter tests.
 */
package org.orderflow.persistence.schema;
