package org.orderflow.application.payment;

/** The provider failed or did not answer in time; what it did is unknown, the call may be repeated. */
public class PaymentUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentUnavailable(String message) {
        super(message);
    }

    public PaymentUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
