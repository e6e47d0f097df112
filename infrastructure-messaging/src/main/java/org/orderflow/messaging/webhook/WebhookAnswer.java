package org.orderflow.messaging.webhook;

/** What an HTTP status from the webhook means for the delivery. */
enum WebhookAnswer {
    /** 2xx: the receiver has the event. */
    ACCEPTED,
    /** 408, 429 or 5xx: the receiver cannot take it now; later may work. */
    UNAVAILABLE,
    /** Anything else (other 4xx, redirects, informational): the same event will be refused again. */
    REFUSED;

    static WebhookAnswer of(int status) {
        if (status / 100 == 2) {
            return ACCEPTED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return UNAVAILABLE;
        }
        return REFUSED;
    }
}
