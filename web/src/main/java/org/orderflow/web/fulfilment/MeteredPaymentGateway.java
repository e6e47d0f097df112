package org.orderflow.web.fulfilment;

import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderflow.application.payment.PaymentGateway;

/**
 * Times every call to the payment provider: {@code orderflow_checkout_payment_calls_seconds{call,
 * outcome}} (outcome {@code unavailable} for a failure or no answer; a MicroProfile Metrics timer: count, sum and quantiles), the checkout's slowest step.
 */
public final class MeteredPaymentGateway implements PaymentGateway {

    private final PaymentGateway provider;
    private final MetricRegistry registry;

    public MeteredPaymentGateway(PaymentGateway provider, MetricRegistry registry) {
        this.provider = provider;
        this.registry = registry;
    }

    @Override
    public Authorization authorize(PaymentRequest request) {
        return timed("authorize", () -> provider.authorize(request),
                answer -> answer instanceof Approved ? "approved" : "declined");
    }

    @Override
    public Refund refund(RefundRequest request) {
        return timed("refund", () -> provider.refund(request),
                answer -> answer instanceof Refunded ? "refunded" : "nothing_to_refund");
    }

    private <T> T timed(String call, Supplier<T> work, java.util.function.Function<T, String> outcome) {
        long started = System.nanoTime();
        String result = "unavailable";
        try {
            T answer = work.get();
            result = outcome.apply(answer);
            return answer;
        } finally {
            registry.timer(Metadata.builder().withName("orderflow.checkout.payment.calls")
                            .withDescription("Calls to the payment provider by call and outcome").build(),
                    new Tag("call", call), new Tag("outcome", result))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
