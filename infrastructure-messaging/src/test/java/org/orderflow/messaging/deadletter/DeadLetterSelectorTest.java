package org.orderflow.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * For arbitrary operator input: whatever replay or purge is given, the selector the broker sees
 * is one comparison with one string literal that nothing can leave, and every id of the broker's
 * shape does reach the broker.
 */
class DeadLetterSelectorTest {

    /** Visible ASCII except the quote: inside such a literal there is no way out of it. */
    private static final String ONE_CLOSED_LITERAL = "JMSMessageID = 'ID:[\\x21-\\x26\\x28-\\x7e]+'";

    @Property(tries = 500)
    void whatever_an_operator_sends_the_broker_sees_one_literal_it_cannot_leave(
            @ForAll @AlphaChars @NumericChars @Chars({'_', ':', '-', '\'', '"', ' ', '\t', '\n', '=', '<', '>', '%',
                    '(', ')', '\\', ';', ',', '.', 'é', '\u00a0', '\u2028', '\u0000'}) @StringLength(max = 130) String tail) {
        // given a queue holding nothing, so every purge comes back empty-handed
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue();

        // when an operator purges an id of the broker's prefix and any tail
        boolean purged = queue.deadLetters().purge("ID:" + tail);

        // then nothing was purged, and any selector sent was a single closed literal
        assertThat(purged).isFalse();
        assertThat(queue.selectors).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(selector -> assertThat(selector).matches(ONE_CLOSED_LITERAL));
    }

    @Property(tries = 300)
    void every_id_of_the_broker_s_shape_reaches_the_broker_unchanged(
            @ForAll @AlphaChars @NumericChars @Chars({'_', ':', '-'}) @StringLength(min = 1, max = 120) String tail) {
        String messageId = "ID:" + tail;
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(messageId);

        boolean purged = queue.deadLetters().purge(messageId);

        assertThat(purged).isTrue();
        assertThat(queue.selectors).containsExactly("JMSMessageID = '" + messageId + "'");
    }
}
