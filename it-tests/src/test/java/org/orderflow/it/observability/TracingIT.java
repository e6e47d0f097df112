package org.orderflow.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.messaging.RecordingListener;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.EventsTable;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.ReceivedMessages;
import org.orderflow.it.support.WebhookStub;

/**
 * One trace from the client's request to the webhook call (the test server runs with the
 * OpenTelemetry SDK on and exports nowhere): the W3C trace context the client sends continues in
 * the request's span, is stored with the events ({@code trace_id}), travels with the published
 * message ({@code traceparent} property) and reaches the webhook receiver as its
 * {@code traceparent} header — same trace id all the way, a new span at each hop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TracingIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClass(RecordingListener.class);
    }

    @Test
    void the_clients_trace_runs_through_the_events_the_message_and_the_webhook_call() {
        String traceId = hex(32);
        String clientSpan = hex(16);
        WebhookStub webhook = ExternalSystems.webhook();

        String order = Api.client().with("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .post("/orders", "{\"order\":{\"customer_name\":\"traced\"}}").text("order_id");

        // stored with the event: the request's own span, in the client's trace
        List<Map<String, String>> stored = EventsTable.stream(order);
        assertThat(stored).singleElement().satisfies(event -> assertThat(event.get("trace_id"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(clientSpan));

        // published: the message carries the trace on (the publisher's span)
        ReceivedMessages.Received message = Eventually.await(() -> ReceivedMessages.forStream(order), r -> !r.isEmpty(), WITHIN,
                "the published message").get(0);
        assertThat(message.properties()).containsPattern("traceparent=00-" + traceId + "-[0-9a-f]{16}-01");

        // consumed: the webhook call is part of the same trace (the consumer's span, then the call's)
        WebhookStub.Call call = Eventually.await(() -> webhook.acceptedFor(order), c -> !c.isEmpty(), WITHIN,
                "the webhook call").get(0);
        assertThat(call.traceParent()).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void a_request_without_a_trace_context_starts_a_trace_of_its_own() {
        String order = Api.client().post("/orders", "{\"order\":{\"customer_name\":\"new trace\"}}").text("order_id");

        String traceParent = EventsTable.stream(order).get(0).get("trace_id");

        assertThat(traceParent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain("00000000000000000000000000000000");
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Integer.toHexString(ThreadLocalRandom.current().nextInt(16)));
        }
        return hex.toString();
    }
}
