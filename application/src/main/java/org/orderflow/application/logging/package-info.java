/**
 * What the log lines written while handling a request or a message are about: the port the
 * runtime's structured logs hang their correlation fields off.
 */
package org.orderflow.application.logging;
