/**
 * Adapters of the payment port: {@link org.orderflow.messaging.payment.SimulatedPaymentProvider}
 * (the default, so the service runs alone) and {@link org.orderflow.messaging.payment.HttpPaymentGateway}
 * for a real provider.
 */
package org.orderflow.messaging.payment;
