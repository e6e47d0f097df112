/**
 * The product catalogue: what the shop sells, at what price, in which category.
 *
 * <p>{@link org.orderflow.domain.product.Product} is the aggregate; its history is the
 * {@link org.orderflow.domain.product.ProductEvent} records. Orders copy a product's name and
 * price onto their lines when an item is added, so nothing here ever changes an existing order.
 */
package org.orderflow.domain.product;
