package org.orderflow.application.consumer;

/**
 * The system a consumer hands events to (a webhook endpoint, a mail server) cannot take them now:
 * it did not answer, timed out, is overloaded or is failing. Unlike a refusal, trying the same
 * event again later may succeed, so the delivery is not counted as the event's fault: the
 * consumer pauses before the broker redelivers it.
 */
public class ReceiverUnavailable extends RuntimeException {

    public ReceiverUnavailable(String message) {
        super(message);
    }

    public ReceiverUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
