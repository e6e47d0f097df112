/** The checkouts' operations API and the timer that makes the payment provider calls. */
package org.orderflow.web.fulfilment;
