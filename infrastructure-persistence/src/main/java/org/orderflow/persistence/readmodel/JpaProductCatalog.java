package org.orderflow.persistence.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderflow.application.product.ProductCatalog;
import org.orderflow.application.product.ProductView;

/** {@link ProductCatalog} over the {@code product_catalog} table. */
@ApplicationScoped
public class JpaProductCatalog implements ProductCatalog {

    private EntityManager em;

    protected JpaProductCatalog() {
        // for CDI proxies
    }

    @Inject
    public JpaProductCatalog(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ProductView> find(String tenantId, UUID productId) {
        return Optional.ofNullable(em.find(ProductCatalogRow.class, new TenantKey(tenantId, productId)))
                .map(JpaProductCatalog::view);
    }

    @Override
    public List<ProductView> list(String tenantId, boolean includeDeleted, int offset, int limit) {
        return em.createQuery("""
                        SELECT p FROM ProductCatalogRow p
                         WHERE p.key.tenantId = :tenant AND (:all = TRUE OR p.deleted = FALSE)
                         ORDER BY p.createdAt DESC, p.key.id""", ProductCatalogRow.class)
                .setParameter("tenant", tenantId)
                .setParameter("all", includeDeleted)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream().map(JpaProductCatalog::view).toList();
    }

    private static ProductView view(ProductCatalogRow row) {
        return new ProductView(row.key.id().toString(), row.name, row.priceCents, row.categoryId, row.sku, row.deleted,
                row.version, row.createdAt, row.updatedAt, row.deletedAt, new ProductView.Stock(row.stockOnHand,
                        row.stockReserved, row.stockCommitted, row.stockOnHand - row.stockReserved - row.stockCommitted));
    }
}
