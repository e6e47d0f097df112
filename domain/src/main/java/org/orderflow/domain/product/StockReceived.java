package org.orderflow.domain.product;

import java.util.UUID;

/**
 * Goods of the product arrived in the warehouse: stock on hand grows by {@code quantity}.
 *
 * @param quantity at least 1
 */
public record StockReceived(UUID productId, int quantity) implements ProductEvent {
}
