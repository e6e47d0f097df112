package org.orderflow.messaging.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** What the webhook's answers mean for a delivery, and the endpoint's settings. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpWebhookTest {

    @Nested
    @DisplayName("an answer")
    class Answers {

        @ParameterizedTest
        @ValueSource(ints = {200, 201, 202, 204, 299})
        void in_the_2xx_range_is_accepted(int status) {
            assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.ACCEPTED);
        }

        @ParameterizedTest
        @ValueSource(ints = {408, 429, 500, 501, 502, 503, 504, 599})
        void of_a_timeout_a_rate_limit_or_a_server_error_means_the_receiver_is_unavailable(int status) {
            assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 405, 407, 409, 410, 413, 415, 422, 428, 430, 451, 499})
        void of_any_other_client_error_is_a_refusal(int status) {
            assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.REFUSED);
        }

        @ParameterizedTest
        @ValueSource(ints = {100, 199, 300, 301, 302, 304, 307, 308, 399})
        void that_is_informational_or_a_redirect_is_a_refusal(int status) {
            assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.REFUSED);
        }
    }

    @Nested
    @DisplayName("the endpoint settings")
    class EndpointSettings {

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void need_a_positive_timeout(long millis) {
            assertThatThrownBy(() -> new WebhookEndpoint(Optional.empty(), Duration.ofMillis(millis)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive");
        }

        @Test
        void keep_what_they_were_given() {
            WebhookEndpoint endpoint = new WebhookEndpoint(Optional.of(URI.create("https://hooks.example/orders")),
                    Duration.ofSeconds(5));

            assertThat(endpoint.url()).contains(URI.create("https://hooks.example/orders"));
            assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
