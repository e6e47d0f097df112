package org.orderflow.web.fulfilment;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.fulfilment.CheckoutPayments;

/**
 * Drives the checkouts' provider calls on a non-persistent interval timer: first the deadline
 * (checkouts still waiting for their payment are given up), then the due authorizations and
 * refunds, each call on the managed executor so that a slow provider holds up neither the next
 * firing nor other checkouts. What is due lives in the database, so nothing is lost with the
 * timer when the server stops: the next start picks it up.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutTimer {

    private static final Logger LOG = Logger.getLogger(CheckoutTimer.class.getName());
    private static final int CALLS_PER_FIRING = 50;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    CheckoutPayments payments;

    @Inject
    @ConfigProperty(name = "orderflow.checkout.poll-interval-ms", defaultValue = "250")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "orderflow.checkout.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void start() {
        if (enabled) {
            timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig("checkouts", false));
        }
    }

    @Timeout
    void fire(Timer timer) {
        try {
            payments.expireOverdue(CALLS_PER_FIRING);
            payments.authorizeDue(executor, CALLS_PER_FIRING);
            payments.refundDue(executor, CALLS_PER_FIRING);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checkout calls could not run; the next firing tries again", e);
        }
    }
}
