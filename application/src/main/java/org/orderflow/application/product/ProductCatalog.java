package org.orderflow.application.product;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The product catalogue read model, as written by its projector. */
public interface ProductCatalog {

    /** The projector that writes the catalogue: what a query waits for to read its own writes. */
    String PROJECTOR = "product-catalog";

    Optional<ProductView> find(String tenantId, UUID productId);

    /** The tenant's products, newest first; deleted ones only if asked for. */
    List<ProductView> list(String tenantId, boolean includeDeleted, int offset, int limit);
}
