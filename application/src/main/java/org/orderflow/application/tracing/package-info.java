/**
 * Distributed tracing as the application sees it: the current trace context as a W3C
 * traceparent, and spans that continue a trace from a stored or received traceparent.
 */
package org.orderflow.application.tracing;
