/** The consumers' inbox: processed event ids, in the transaction of each consumer's effect. */
package org.orderflow.persistence.inbox;
