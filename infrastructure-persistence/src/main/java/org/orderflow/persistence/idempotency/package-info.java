/** Idempotency keys of commands, stored in the command's transaction. */
package org.orderflow.persistence.idempotency;
