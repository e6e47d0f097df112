package org.orderflow.domain.order;

import java.util.LinkedHashMap;
import java.util.Map;
import org.orderflow.domain.versioning.Upcaster;

/**
 * ItemAdded v1 → v2. v1 is the original example's item (product name, quantity, unit price):
 * items were sold by name only. v2 may name the catalogue product; for v1 items it is
 * explicitly unknown ({@code productId: null}).
 */
public final class ItemAddedV1ToV2 implements Upcaster {

    @Override
    public String eventType() {
        return "ItemAdded";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public Map<String, Object> upcast(Map<String, Object> payload) {
        Map<String, Object> next = new LinkedHashMap<>(payload);
        next.putIfAbsent("productId", null);
        return next;
    }
}
