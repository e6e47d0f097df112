/** The dead-letter queue: the events topic's exception destination, browsed, replayed and purged over JMS. */
package org.orderflow.messaging.deadletter;
