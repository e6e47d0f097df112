/** What every API request carries besides its body: tenant, correlation id, user, preconditions, idempotency key. */
package org.orderflow.web.request;
