package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.fulfilment.FulfilmentSettings;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.messaging.payment.HttpPaymentGateway;
import org.orderflow.messaging.payment.SimulatedPaymentProvider;

/** Checkout and payment provider settings from MicroProfile Config. */
@ApplicationScoped
public class FulfilmentConfiguration {

    private static final Logger LOG = Logger.getLogger(FulfilmentConfiguration.class.getName());

    @Inject
    @ConfigProperty(name = "orderflow.checkout.payment-deadline", defaultValue = "PT30S")
    Duration paymentDeadline;

    @Inject
    @ConfigProperty(name = "orderflow.checkout.payment-attempts", defaultValue = "5")
    int paymentAttempts;

    @Inject
    @ConfigProperty(name = "orderflow.checkout.payment-backoff", defaultValue = "PT1S")
    Duration paymentBackoff;

    /** {@code simulated} (default) or {@code http}. */
    @Inject
    @ConfigProperty(name = "orderflow.payment.provider", defaultValue = "simulated")
    String provider;

    @Inject
    @ConfigProperty(name = "orderflow.payment.timeout", defaultValue = "PT5S")
    Duration callTimeout;

    @Inject
    @ConfigProperty(name = "orderflow.payment.http.url")
    Optional<URI> httpUrl;

    @Inject
    @ConfigProperty(name = "orderflow.payment.simulated.approve", defaultValue = "true")
    boolean simulatedApprove;

    @Inject
    @ConfigProperty(name = "orderflow.payment.simulated.decline-above-cents", defaultValue = "10000000")
    long simulatedDeclineAbove;

    @Inject
    @ConfigProperty(name = "orderflow.payment.simulated.latency", defaultValue = "PT0.05S")
    Duration simulatedLatency;

    @Inject
    @ConfigProperty(name = "orderflow.payment.simulated.failure-rate", defaultValue = "0")
    double simulatedFailureRate;

    @Inject
    @ConfigProperty(name = "orderflow.payment.simulated.never-answer", defaultValue = "false")
    boolean simulatedNeverAnswer;

    @Produces
    FulfilmentSettings fulfilmentSettings() {
        // a claimed call is left alone for its timeout plus a margin before another worker repeats it
        return new FulfilmentSettings(paymentDeadline, paymentAttempts, paymentBackoff, callTimeout.plusSeconds(5));
    }

    @Inject
    org.eclipse.microprofile.metrics.MetricRegistry metrics;

    @Produces
    @ApplicationScoped
    PaymentGateway paymentGateway() {
        return new org.orderflow.web.fulfilment.MeteredPaymentGateway(provider(), metrics);
    }

    private PaymentGateway provider() {
        if ("http".equals(provider)) {
            URI url = httpUrl.orElseThrow(() -> new IllegalStateException(
                    "orderflow.payment.provider=http needs orderflow.payment.http.url (ORDERFLOW_PAYMENT_HTTP_URL)"));
            LOG.info(() -> "Payments through the HTTP provider at " + url + ", timeout " + callTimeout);
            return new HttpPaymentGateway(url, callTimeout);
        }
        if (!"simulated".equals(provider)) {
            throw new IllegalStateException("orderflow.payment.provider must be simulated or http, not " + provider);
        }
        LOG.info(() -> "Payments through the simulated provider (approve=" + simulatedApprove + ", decline above "
                + simulatedDeclineAbove + " cents, latency " + simulatedLatency + ", failure rate "
                + simulatedFailureRate + ", never answer=" + simulatedNeverAnswer + ")");
        return new SimulatedPaymentProvider(new SimulatedPaymentProvider.Behaviour(simulatedApprove,
                simulatedDeclineAbove, simulatedLatency, simulatedFailureRate, simulatedNeverAnswer, callTimeout));
    }
}
