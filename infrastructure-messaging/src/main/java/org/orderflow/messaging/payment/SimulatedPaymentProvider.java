package org.orderflow.messaging.payment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.application.payment.PaymentUnavailable;

/**
 * A payment provider inside the server, the default so that orderflow runs alone. It behaves like
 * a real one where the checkout can tell: answers are idempotent by key (kept in memory), it can be
 * slow, fail at a rate, decline large amounts, or not answer at all.
 */
public final class SimulatedPaymentProvider implements PaymentGateway {

    /**
     * @param approve          false declines every payment
     * @param declineAboveCents amounts above this are declined ("amount above limit")
     * @param latency          how long each answer takes
     * @param failureRate      share of calls (0..1) that fail as a provider error
     * @param neverAnswer      every call waits {@code callTimeout} and fails without an answer
     * @param callTimeout      how long the checkout waits for an answer
     */
    public record Behaviour(boolean approve, long declineAboveCents, Duration latency, double failureRate,
                            boolean neverAnswer, Duration callTimeout) {

        public Behaviour {
            if (failureRate < 0 || failureRate > 1 || latency.isNegative() || callTimeout.isNegative()) {
                throw new IllegalArgumentException("simulated payment behaviour out of range");
            }
        }
    }

    private final Behaviour behaviour;
    private final DoubleSupplier random;
    private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

    public SimulatedPaymentProvider(Behaviour behaviour) {
        this(behaviour, Math::random);
    }

    SimulatedPaymentProvider(Behaviour behaviour, DoubleSupplier random) {
        this.behaviour = behaviour;
        this.random = random;
    }

    @Override
    public Authorization authorize(PaymentRequest request) {
        answerDelay();
        return authorizations.computeIfAbsent(request.idempotencyKey(), key -> {
            if (!behaviour.approve()) {
                return new Declined("declined by the simulated provider");
            }
            if (request.amountCents() > behaviour.declineAboveCents()) {
                return new Declined("amount " + request.amountCents() + " above the limit of "
                        + behaviour.declineAboveCents() + " cents");
            }
            return new Approved("sim-" + UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
    }

    @Override
    public Refund refund(RefundRequest request) {
        answerDelay();
        return refunds.computeIfAbsent(request.idempotencyKey(), key ->
                authorizations.get(request.authorizationKey()) instanceof Approved approved
                        ? new Refunded("refund-" + approved.authorizationId()) : new NothingToRefund());
    }

    private void answerDelay() {
        if (behaviour.neverAnswer()) {
            sleep(behaviour.callTimeout());
            throw new PaymentUnavailable("simulated provider: no answer within " + behaviour.callTimeout());
        }
        sleep(behaviour.latency());
        if (random.getAsDouble() < behaviour.failureRate()) {
            throw new PaymentUnavailable("simulated provider failure");
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentUnavailable("interrupted while waiting for the simulated provider", e);
        }
    }
}
