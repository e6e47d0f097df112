package org.orderflow.domain.versioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderflow.domain.order.ItemAddedV1ToV2;
import org.orderflow.domain.product.ProductCreatedV1ToV2;
import org.orderflow.domain.product.Sku;

class UpcastersTest {

    private final UpcasterChain chain = new UpcasterChain(List.of(new ProductCreatedV1ToV2(), new ItemAddedV1ToV2()));

    private static Map<String, Object> productCreatedV1() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("productId", "1a2b3c4d-0000-4000-8000-000000000003");
        v1.put("name", "ノートPC");
        v1.put("priceCents", 120000);
        v1.put("categoryId", "computers");
        return v1;
    }

    @Test
    void given_a_v1_product_created_when_upcast_then_it_gains_a_sku_derived_from_category_and_id() {
        Map<String, Object> v1 = productCreatedV1();

        Map<String, Object> v2 = chain.upcast("ProductCreated", 1, 2, v1);

        assertEquals("COMP-1A2B3C4D", v2.get("sku"));
        assertEquals("ノートPC", v2.get("name"));
        assertEquals(4, v1.size(), "the stored tree is not modified");
    }

    @Test
    void given_the_same_stored_data_when_upcast_twice_then_the_sku_is_the_same() {
        assertEquals(chain.upcast("ProductCreated", 1, 2, productCreatedV1()),
                chain.upcast("ProductCreated", 1, 2, productCreatedV1()));
    }

    @Test
    void given_a_category_without_letters_when_deriving_a_sku_then_a_generic_prefix_is_used() {
        assertEquals("GEN-1A2B3C4D", Sku.derive("--", java.util.UUID.fromString("1a2b3c4d-0000-4000-8000-000000000003")).value());
    }

    @Test
    void given_a_v1_item_sold_by_name_when_upcast_then_its_product_is_explicitly_unknown() {
        Map<String, Object> v1 = new HashMap<>(Map.of("orderId", "o", "lineId", "l", "productName", "ノートPC",
                "quantity", 1, "unitPriceCents", 120000));

        Map<String, Object> v2 = chain.upcast("ItemAdded", 1, 2, v1);

        assertTrue(v2.containsKey("productId"));
        assertEquals(null, v2.get("productId"));
    }

    @Test
    void given_a_current_version_when_upcast_then_nothing_changes() {
        Map<String, Object> current = productCreatedV1();

        assertEquals(current, chain.upcast("ProductCreated", 2, 2, current));
    }

    @Test
    void given_a_missing_step_when_upcast_then_it_is_an_error_not_a_guess() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> chain.upcast("OrderCreated", 1, 2, Map.of()));

        assertTrue(missing.getMessage().contains("OrderCreated v1"));
        assertTrue(chain.covers("ProductCreated", 2));
        assertTrue(!chain.covers("OrderCreated", 2));
    }

    @Test
    void given_two_upcasters_for_one_step_when_building_the_chain_then_it_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new UpcasterChain(List.of(new ItemAddedV1ToV2(), new ItemAddedV1ToV2())));
    }
}
