package org.orderflow.messaging.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.application.payment.PaymentUnavailable;

/** The HTTP adapter against a real HTTP server on loopback that plays the provider. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpPaymentGatewayTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private record Call(String path, String idempotencyKey, String body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private PaymentGateway provider(int status, String answer, Duration delay) throws IOException {
        return provider(exchange -> new Object[] {status, answer}, delay);
    }

    private PaymentGateway provider(Function<HttpExchange, Object[]> answers, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pay/", exchange -> {
            calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Object[] answer = answers.apply(exchange);
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return new HttpPaymentGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pay"),
                Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static PaymentGateway.PaymentRequest request() {
        return new PaymentGateway.PaymentRequest("key-1", "acme", ORDER, 12_345);
    }

    @Test
    void given_an_approving_provider_when_authorizing_then_the_key_amount_and_order_are_sent_and_the_reference_returned()
            throws IOException {
        PaymentGateway gateway = provider(201, "{\"status\":\"approved\",\"authorization_id\":\"auth-9\"}", Duration.ZERO);

        PaymentGateway.Authorization answer = gateway.authorize(request());

        assertThat(answer).isEqualTo(new PaymentGateway.Approved("auth-9"));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/pay/authorizations");
            assertThat(call.idempotencyKey()).isEqualTo("key-1");
            assertThat(call.body()).contains("\"amount_cents\":12345").contains("\"order_id\":\"" + ORDER + "\"")
                    .contains("\"tenant_id\":\"acme\"");
        });
    }

    @Test
    void given_a_declining_provider_when_authorizing_then_the_decline_and_its_reason_are_the_answer() throws IOException {
        PaymentGateway gateway = provider(402, "{\"status\":\"declined\",\"reason\":\"insufficient funds\"}", Duration.ZERO);

        assertThat(gateway.authorize(request())).isEqualTo(new PaymentGateway.Declined("insufficient funds"));
    }

    @Test
    void given_a_failing_provider_when_authorizing_then_the_outcome_is_unknown() throws IOException {
        PaymentGateway gateway = provider(503, "", Duration.ZERO);

        assertThatThrownBy(() -> gateway.authorize(request())).isInstanceOf(PaymentUnavailable.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void given_a_provider_slower_than_the_timeout_when_authorizing_then_the_call_gives_up_as_unknown() throws IOException {
        PaymentGateway gateway = provider(200, "{\"status\":\"approved\",\"authorization_id\":\"late\"}", Duration.ofSeconds(2));

        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway.authorize(request())).isInstanceOf(PaymentUnavailable.class)
                .hasMessageContaining("no answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
    }

    @Test
    void given_an_approved_authorization_when_refunding_then_the_authorization_key_is_named_and_the_refund_returned()
            throws IOException {
        PaymentGateway gateway = provider(200, "{\"status\":\"refunded\",\"refund_id\":\"r-1\"}", Duration.ZERO);

        PaymentGateway.Refund refund = gateway.refund(new PaymentGateway.RefundRequest("refund-key", "key-1", "acme", ORDER,
                12_345));

        assertThat(refund).isEqualTo(new PaymentGateway.Refunded("r-1"));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/pay/refunds");
            assertThat(call.idempotencyKey()).isEqualTo("refund-key");
            assertThat(call.body()).contains("\"authorization_key\":\"key-1\"");
        });
    }

    @Test
    void given_nothing_was_taken_when_refunding_then_nothing_is_refunded() throws IOException {
        PaymentGateway gateway = provider(200, "{\"status\":\"nothing_to_refund\"}", Duration.ZERO);

        assertThat(gateway.refund(new PaymentGateway.RefundRequest("r", "k", "acme", ORDER, 1)))
                .isEqualTo(new PaymentGateway.NothingToRefund());
    }
}
