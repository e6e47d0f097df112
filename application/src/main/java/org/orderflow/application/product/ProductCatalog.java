package org.orderflow.application.product;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The product catalogue read model, as written by its projector. */
public interface ProductCatalog {

    Optional<ProductView> find(String tenantId, UUID productId);

    /** The tenant's products, newest first; deleted ones only if asked for. */
    List<ProductView> list(String tenantId, boolean includeDeleted, int offset, int limit);
}
