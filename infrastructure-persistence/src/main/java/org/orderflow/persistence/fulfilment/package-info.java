/** The fulfilment process manager's checkouts in {@code checkout_processes}. */
package org.orderflow.persistence.fulfilment;
