/** Notification adapters: Jakarta Mail over SMTP, or a log line when no SMTP host is configured. */
package org.orderflow.messaging.notify;
