package org.orderflow.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message id an operator passes to replay or purge ends up inside a JMS selector
 * ({@code JMSMessageID = '<id>'}); only a broker message id may get there. The queue is a small
 * fake that records every selector, so "refused" means the broker was never asked.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JmsDeadLettersTest {

    private static final String LONGEST_ID = "ID:" + "a".repeat(120);

    @Nested
    @DisplayName("a well-formed broker message id")
    class WellFormedIds {

        @ParameterizedTest
        @ValueSource(strings = {"ID:0000", "ID:A", "ID:414d5120514d31202020202020202020b5e0a8652ab20140",
                "ID:c1d2e3f4_5a6b:7c8d-9e0f", "ID:::", "ID:-_-"})
        void is_purged_with_a_selector_for_exactly_that_message(String messageId) {
            // given a dead message with that id
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue(messageId, "ID:other");

            // when an operator purges it
            boolean purged = queue.deadLetters().purge(messageId);

            // then the broker was asked for that one message, and only it is gone
            assertThat(purged).isTrue();
            assertThat(queue.selectors).containsExactly("JMSMessageID = '" + messageId + "'");
            assertThat(queue.holds(messageId)).isFalse();
            assertThat(queue.holds("ID:other")).isTrue();
        }

        @Test
        void of_the_longest_length_is_purged() {
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue(LONGEST_ID);

            assertThat(queue.deadLetters().purge(LONGEST_ID)).isTrue();
            assertThat(queue.selectors).containsExactly("JMSMessageID = '" + LONGEST_ID + "'");
        }

        @Test
        void that_is_no_longer_dead_is_neither_replayed_nor_purged() {
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue("ID:other");
            JmsDeadLetters deadLetters = queue.deadLetters();

            assertThat(deadLetters.replay("ID:gone")).isFalse();
            assertThat(deadLetters.purge("ID:gone")).isFalse();
            assertThat(queue.selectors).containsExactly("JMSMessageID = 'ID:gone'", "JMSMessageID = 'ID:gone'");
            assertThat(queue.holds("ID:other")).isTrue();
        }

        @Test
        void is_purged_once_and_then_reported_missing() {
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue("ID:0001");
            JmsDeadLetters deadLetters = queue.deadLetters();

            assertThat(deadLetters.purge("ID:0001")).isTrue();
            assertThat(deadLetters.purge("ID:0001")).isFalse();
        }
    }

    @Nested
    @DisplayName("an id that is not a broker message id")
    class RefusedIds {

        @ParameterizedTest
        @ValueSource(strings = {
                // quotes that would close the selector's string literal
                "ID:x' OR '1'='1", "ID:x'", "ID:x''", "ID:x' OR JMSMessageID LIKE '%", "ID:x'--",
                // whitespace that would separate selector tokens
                "ID:x OR 1=1", "ID:x y", "ID:x\tOR", "ID:x\nOR", "ID:x\r", "ID:x\u00a0", "ID:x\u2028",
                // operators, wildcards, grouping and escapes
                "ID:x=1", "ID:x<>1", "ID:(x)", "ID:x%", "ID:x*", "ID:x\"", "ID:x\\", "ID:x;", "ID:x,y", "ID:x.y",
                "ID:x/y", "ID:x+y",
                // letters and digits outside ASCII, and a NUL
                "ID:é", "ID:ｘ", "ID:١٢٣", "ID:x\u0000",
                // not the broker's shape at all
                "ID:", "ID", "id:abc", "Id:abc", " ID:abc", "ID:abc ", "abc", "x ID:abc", "JMSMessageID"})
        void reaches_neither_replay_nor_purge(String messageId) {
            // given a queue holding a message, so a selector that escaped its literal would find something
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue("ID:x");
            JmsDeadLetters deadLetters = queue.deadLetters();

            // when an operator replays or purges with the id
            boolean replayed = deadLetters.replay(messageId);
            boolean purged = deadLetters.purge(messageId);

            // then both refuse without opening a connection, and the dead message is untouched
            assertThat(replayed).isFalse();
            assertThat(purged).isFalse();
            assertThat(queue.contextsOpened).isZero();
            assertThat(queue.selectors).isEmpty();
            assertThat(queue.holds("ID:x")).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void that_is_missing_is_refused(String messageId) {
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue("ID:x");
            JmsDeadLetters deadLetters = queue.deadLetters();

            assertThat(deadLetters.replay(messageId)).isFalse();
            assertThat(deadLetters.purge(messageId)).isFalse();
            assertThat(queue.contextsOpened).isZero();
        }

        @Test
        void one_character_longer_than_the_longest_broker_id_is_refused() {
            FakeDeadLetterQueue queue = new FakeDeadLetterQueue(LONGEST_ID + "a");

            assertThat(queue.deadLetters().purge(LONGEST_ID + "a")).isFalse();
            assertThat(queue.contextsOpened).isZero();
        }
    }
}
