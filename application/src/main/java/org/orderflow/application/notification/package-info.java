/**
 * The notification handler: tells the customer when an order is confirmed or cancelled, through
 * the {@link org.orderflow.application.notification.Notifier} port (e-mail, or a log by default).
 */
package org.orderflow.application.notification;
