package org.orderflow.persistence.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderflow.application.order.OrderReadModel;
import org.orderflow.application.order.OrderSummaryView;
import org.orderflow.application.order.OrderView;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.order.OrderLine;
import org.orderflow.domain.order.OrderStatus;

/** {@link OrderReadModel} over the {@code order_details} and {@code order_summaries} tables. */
@ApplicationScoped
public class JpaOrderReadModel implements OrderReadModel {

    private EntityManager em;

    protected JpaOrderReadModel() {
        // for CDI proxies
    }

    @Inject
    public JpaOrderReadModel(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<OrderView> details(String tenantId, UUID orderId) {
        return Optional.ofNullable(em.find(OrderDetailsRow.class, new TenantKey(tenantId, orderId))).map(row ->
                new OrderView(row.key.id().toString(), row.customerName, row.customerId,
                        OrderDetailsProjector.address(row), OrderStatus.valueOf(row.status),
                        OrderDetailsProjector.lines(row).stream().map(line -> new OrderLine(new LineId(line.lineId()),
                                line.productName(), line.productId(), line.quantity(), line.unitPriceCents())).toList(),
                        row.totalCents, row.itemCount, row.reservationId, row.paymentId, row.cancellationReason,
                        row.cancellationCode, row.cancellationProductId == null ? null : row.cancellationProductId.toString(),
                        row.version, row.createdAt, row.updatedAt, row.confirmedAt, row.cancelledAt));
    }

    @Override
    public List<OrderSummaryView> summaries(String tenantId, String status, String customerId, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM OrderSummaryRow s WHERE s.key.tenantId = :tenant");
        if (status != null) {
            jpql.append(" AND s.status = :status");
        }
        if (customerId != null) {
            jpql.append(" AND s.customerId = :customer");
        }
        jpql.append(" ORDER BY s.createdAt DESC, s.key.id");
        TypedQuery<OrderSummaryRow> query = em.createQuery(jpql.toString(), OrderSummaryRow.class)
                .setParameter("tenant", tenantId)
                .setFirstResult(offset)
                .setMaxResults(limit);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (customerId != null) {
            query.setParameter("customer", customerId);
        }
        return query.getResultList().stream().map(row -> new OrderSummaryView(row.key.id().toString(), row.customerName,
                row.customerId, row.status, row.totalCents, row.itemCount, row.createdAt, row.updatedAt, row.version))
                .toList();
    }
}
