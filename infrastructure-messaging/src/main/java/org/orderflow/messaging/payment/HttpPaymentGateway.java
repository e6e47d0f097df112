package org.orderflow.messaging.payment;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.application.payment.PaymentUnavailable;

/**
 * A payment provider over HTTP. Each call carries its idempotency key ({@code Idempotency-Key}) and
 * has a deadline; no answer in time, a connection failure, or an answer other than the ones below
 * is {@link PaymentUnavailable} (the outcome is unknown, the checkout repeats the call with the
 * same key).
 *
 * <ul>
 * <li>{@code POST {base}/authorizations} {@code {"order_id","tenant_id","amount_cents"}} → 200/201
 * {@code {"status":"approved","authorization_id":"…"}} or {@code {"status":"declined","reason":"…"}}
 * (also as 402);</li>
 * <li>{@code POST {base}/refunds} {@code {"authorization_key","order_id","amount_cents"}} → 200/201
 * {@code {"status":"refunded","refund_id":"…"}} or {@code {"status":"nothing_to_refund"}}.</li>
 * </ul>
 */
public final class HttpPaymentGateway implements PaymentGateway {

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    public HttpPaymentGateway(URI base, Duration timeout) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public Authorization authorize(PaymentRequest request) {
        JsonObject body = Json.createObjectBuilder()
                .add("order_id", request.orderId().toString())
                .add("tenant_id", request.tenantId())
                .add("amount_cents", request.amountCents())
                .build();
        JsonObject answer = post("authorizations", request.idempotencyKey(), body, true);
        return switch (answer.getString("status", "")) {
            case "approved" -> new Approved(answer.getString("authorization_id"));
            case "declined" -> new Declined(answer.getString("reason", "declined"));
            default -> throw new PaymentUnavailable("payment provider answered an unknown status: " + answer);
        };
    }

    @Override
    public Refund refund(RefundRequest request) {
        JsonObject body = Json.createObjectBuilder()
                .add("authorization_key", request.authorizationKey())
                .add("order_id", request.orderId().toString())
                .add("amount_cents", request.amountCents())
                .build();
        JsonObject answer = post("refunds", request.idempotencyKey(), body, false);
        return switch (answer.getString("status", "")) {
            case "refunded" -> new Refunded(answer.getString("refund_id", ""));
            case "nothing_to_refund" -> new NothingToRefund();
            default -> throw new PaymentUnavailable("payment provider answered an unknown refund status: " + answer);
        };
    }

    private JsonObject post(String path, String idempotencyKey, JsonObject body, boolean declineIsAnAnswer) {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PaymentUnavailable("payment provider gave no answer within " + timeout + " (POST " + uri + ")", e);
        } catch (IOException e) {
            throw new PaymentUnavailable("payment provider unreachable (POST " + uri + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentUnavailable("interrupted calling the payment provider", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201 || (declineIsAnAnswer && status == 402)) {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            } catch (RuntimeException unreadable) {
                throw new PaymentUnavailable("payment provider answered HTTP " + status + " with an unreadable body", unreadable);
            }
        }
        throw new PaymentUnavailable("payment provider answered HTTP " + status + " to POST " + uri);
    }
}
