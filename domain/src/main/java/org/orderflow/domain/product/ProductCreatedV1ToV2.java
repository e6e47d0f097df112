package org.orderflow.domain.product;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.orderflow.domain.versioning.Upcaster;

/** ProductCreated v1 → v2: adds the SKU, derived from the stored category and product id. */
public final class ProductCreatedV1ToV2 implements Upcaster {

    @Override
    public String eventType() {
        return "ProductCreated";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public Map<String, Object> upcast(Map<String, Object> payload) {
        Map<String, Object> next = new LinkedHashMap<>(payload);
        UUID productId = UUID.fromString(String.valueOf(payload.get("productId")));
        next.put("sku", Sku.derive(String.valueOf(payload.get("categoryId")), productId).value());
        return next;
    }
}
