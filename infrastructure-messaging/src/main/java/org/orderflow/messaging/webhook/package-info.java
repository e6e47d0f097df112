/** The integration handler's HTTP client: posts published events to the configured webhook, with retries. */
package org.orderflow.messaging.webhook;
