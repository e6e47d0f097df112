/**
 * The integration handler: forwards selected published events to an external HTTP endpoint (a
 * webhook), through the {@link org.orderflow.application.integration.Webhook} port.
 */
package org.orderflow.application.integration;
