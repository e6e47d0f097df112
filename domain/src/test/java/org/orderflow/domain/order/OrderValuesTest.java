package org.orderflow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderflow.domain.DomainRuleViolation;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderValuesTest {

    private static final String TEXT = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void an_order_id_reads_and_prints_its_uuid() {
        OrderId id = OrderId.of(TEXT);

        assertEquals(UUID.fromString(TEXT), id.value());
        assertEquals(TEXT, id.toString());
        assertEquals(id, OrderId.of(TEXT.toUpperCase()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", " " + TEXT, TEXT + "0"})
    void an_order_id_refuses_text_that_is_not_a_canonical_uuid(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> OrderId.of(text));

        assertTrue(refused.getMessage().startsWith("order id"), refused::getMessage);
    }

    @Test
    void an_order_id_needs_a_value() {
        assertThrows(NullPointerException.class, () -> new OrderId(null));
    }

    @Test
    void a_line_id_reads_and_prints_its_uuid() {
        LineId id = LineId.of(TEXT);

        assertEquals(UUID.fromString(TEXT), id.value());
        assertEquals(TEXT, id.toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"line-1", "1-2-3-4-5"})
    void a_line_id_refuses_text_that_is_not_a_canonical_uuid(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LineId.of(text));

        assertTrue(refused.getMessage().startsWith("line id"), refused::getMessage);
    }

    @Test
    void a_line_id_needs_a_value() {
        assertThrows(NullPointerException.class, () -> new LineId(null));
    }

    @Test
    void a_shipping_address_needs_only_a_street_line_a_city_and_a_country() {
        ShippingAddress address = new ShippingAddress("1 Analytical Row", null, "London", null, "GB");

        assertEquals("London", address.city());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void a_shipping_address_refuses_a_missing_street_line_city_or_country(String missing) {
        assertThrows(IllegalArgumentException.class,
                () -> new ShippingAddress(missing, null, "London", null, "GB"));
        assertThrows(IllegalArgumentException.class,
                () -> new ShippingAddress("1 Analytical Row", null, missing, null, "GB"));
        assertThrows(IllegalArgumentException.class,
                () -> new ShippingAddress("1 Analytical Row", null, "London", null, missing));
    }

    @Test
    void a_line_total_is_quantity_times_unit_price() {
        OrderLine line = new OrderLine(LineId.of(TEXT), "Keyboard", null, 3, 4_999);

        assertEquals(14_997, line.lineTotalCents());
    }

    @Test
    void a_line_total_too_large_for_a_long_is_a_rule_violation() {
        OrderLine line = new OrderLine(LineId.of(TEXT), "Gold bar", null, 2, Long.MAX_VALUE);

        DomainRuleViolation violation = assertThrows(DomainRuleViolation.class, line::lineTotalCents);
        assertEquals("order.total_overflow", violation.code());
    }
}
