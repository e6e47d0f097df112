package org.orderflow.messaging.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsumerPauseSettingsTest {

    @Test
    void the_pause_doubles_with_each_failure_in_a_row_up_to_the_longest() {
        // given
        ConsumerPauseSettings settings = new ConsumerPauseSettings(Duration.ofSeconds(5), Duration.ofSeconds(60));

        // when / then
        assertThat(settings.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.after(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.after(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_first_pause_longer_than_the_longest_is_refused() {
        assertThatThrownBy(() -> new ConsumerPauseSettings(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsumerPauseSettings(Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
