package org.orderflow.messaging.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook's answer rule and its settings. {@link HttpWebhook#deliver} decides success
 * ({@code status / 100 == 2}) inline and needs a JAX-RS client implementation and a live endpoint,
 * so only the rule for the other answers is tested here: it is the private
 * {@code HttpWebhook.retryable(int)}, reached by name until it becomes a function of its own.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpWebhookTest {

    @Nested
    @DisplayName("an answer that is not 2xx")
    class FailedAnswers {

        @ParameterizedTest
        @ValueSource(ints = {408, 429, 500, 501, 502, 503, 504, 599})
        void is_tried_again_after_a_timeout_a_rate_limit_or_a_server_error(int status) {
            assertThat(retryable(status)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 405, 407, 409, 410, 413, 415, 422, 428, 430, 451, 499})
        void fails_at_once_for_any_other_client_error(int status) {
            assertThat(retryable(status)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(ints = {100, 199, 300, 301, 302, 304, 307, 308, 399})
        void fails_at_once_for_an_informational_or_redirect_answer(int status) {
            assertThat(retryable(status)).isFalse();
        }
    }

    @Nested
    @DisplayName("the endpoint settings")
    class EndpointSettings {

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void need_at_least_one_attempt(int attempts) {
            assertThatThrownBy(() -> new WebhookEndpoint(Optional.empty(), attempts, Duration.ofMillis(200),
                    Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("attempts must be >= 1");
        }

        @Test
        void keep_what_they_were_given() {
            WebhookEndpoint endpoint = new WebhookEndpoint(Optional.of(URI.create("https://hooks.example/orders")), 1,
                    Duration.ofMillis(200), Duration.ofSeconds(5));

            assertThat(endpoint.url()).contains(URI.create("https://hooks.example/orders"));
            assertThat(endpoint.attempts()).isEqualTo(1);
            assertThat(endpoint.firstBackoff()).isEqualTo(Duration.ofMillis(200));
            assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    private static boolean retryable(int status) {
        try {
            Method rule = HttpWebhook.class.getDeclaredMethod("retryable", int.class);
            rule.setAccessible(true);
            return (boolean) rule.invoke(null, status);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("HttpWebhook.retryable(int) is gone; point this test at the new answer rule", e);
        }
    }
}
