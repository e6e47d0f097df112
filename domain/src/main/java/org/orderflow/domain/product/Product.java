package org.orderflow.domain.product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.orderflow.domain.DomainRuleViolation;

/**
 * A product in the catalogue, rebuilt from its events and deciding what may happen next.
 *
 * <h2>Lifecycle</h2>
 * <p>A product is {@linkplain #create created} with a name, a positive price in cents and the id
 * of the category it is listed under. Its price can then be {@linkplain #updatePrice changed} any
 * number of times; setting the price it already has is not a change and records nothing. Finally
 * it can be {@linkplain #delete deleted}, which withdraws it for good: a deleted product accepts
 * no further decision, but its history stays in the store.
 *
 * <p>Orders copy the name and price onto their lines when an item is added, so a price change or
 * a deletion never alters an existing order.
 *
 * <h2>Stock</h2>
 * <p>The product also keeps its stock, in units: stock is {@linkplain #receiveStock received}
 * (on hand grows), {@linkplain #reserveStock reserved} for an order (one reservation per order),
 * and each reservation ends either {@linkplain #commitStock committed} (the order was confirmed)
 * or {@linkplain #releaseStock released} (it was not). At every moment
 * {@code onHand = available + reserved + committed}, and available never goes below zero: a
 * reservation larger than what is available is refused. Stock lives in the product rather than in
 * an aggregate of its own because every stock decision needs to know whether the product is still
 * sold (a deleted product takes no new stock or reservations) and because both are decided per
 * product anyway: a second aggregate would only add a second stream and a second lock per product.
 * Reserving, releasing and committing are idempotent per order, so a process that repeats a step
 * after a crash changes nothing the second time.
 *
 * <h2>Deciding and remembering</h2>
 * <p>As with every aggregate here, decision methods check the rules and return the events that
 * record the decision (an immutable list, empty if there is nothing to record) without changing
 * the product; a broken rule is a {@link DomainRuleViolation} with a stable code. {@link #apply}
 * evolves state from a recorded fact and never validates.
 */
public final class Product {

    private ProductId id;
    private String name;
    private long priceCents;
    private String categoryId;
    private String sku;
    private boolean deleted;
    private long onHand;
    private long committed;
    private final Map<UUID, Integer> reservations = new LinkedHashMap<>();

    /** The most units one delivery can add, keeping every stock figure far inside a {@code long}. */
    public static final int MAX_RECEIVED = 1_000_000_000;

    private Product() {
    }

    /**
     * Puts a new product in the catalogue.
     *
     * @param name       required; stored trimmed
     * @param priceCents more than zero
     * @param categoryId required; kept as given
     * @throws DomainRuleViolation {@code product.name_required}, {@code product.invalid_price},
     *                             {@code product.category_required}
     */
    public static List<ProductEvent> create(ProductId id, String name, long priceCents, String categoryId) {
        return create(id, name, priceCents, categoryId, null);
    }

    /**
     * Creates a product with a given SKU; without one ({@code null}) the SKU is derived from the
     * category and id ({@link Sku#derive}).
     */
    public static List<ProductEvent> create(ProductId id, String name, long priceCents, String categoryId, Sku sku) {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new DomainRuleViolation("product.name_required", "a product needs a name");
        }
        requirePositivePrice(priceCents);
        if (categoryId == null || categoryId.isBlank()) {
            throw new DomainRuleViolation("product.category_required", "a product needs a category");
        }
        Sku assigned = sku != null ? sku : Sku.derive(categoryId, id.value());
        return List.of(new ProductCreated(id.value(), name.strip(), priceCents, categoryId, assigned.value()));
    }

    /**
     * Rebuilds a product from its whole stream, oldest event first.
     *
     * @throws IllegalArgumentException if the history is empty, does not start with
     *                                  {@link ProductCreated}, or mixes events of different products
     */
    public static Product replay(List<? extends ProductEvent> history) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) {
            throw new IllegalArgumentException("cannot replay a product from an empty history");
        }
        if (!(history.get(0) instanceof ProductCreated created)) {
            throw new IllegalArgumentException(
                    "a product's history must start with ProductCreated, but starts with " + history.get(0));
        }
        // Guards against a store handing over the wrong stream; this is not a business rule.
        for (ProductEvent event : history) {
            if (!created.productId().equals(event.productId())) {
                throw new IllegalArgumentException("history of product " + created.productId()
                        + " contains an event of another product: " + event);
            }
        }
        Product product = new Product();
        history.forEach(product::apply);
        return product;
    }

    /**
     * Moves the product's state forward by one recorded fact. Never validates.
     *
     * @throws IllegalStateException for an event type this class does not know, which a test prevents
     */
    public void apply(ProductEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof ProductCreated e) {
            id = new ProductId(e.productId());
            name = e.name();
            priceCents = e.priceCents();
            categoryId = e.categoryId();
            sku = e.sku();
        } else if (event instanceof PriceUpdated e) {
            priceCents = e.newPriceCents();
        } else if (event instanceof ProductDeleted) {
            deleted = true;
        } else if (event instanceof StockReceived e) {
            onHand += e.quantity();
        } else if (event instanceof StockReserved e) {
            reservations.put(e.orderId(), e.quantity());
        } else if (event instanceof StockReleased e) {
            reservations.remove(e.orderId());
        } else if (event instanceof StockCommitted e) {
            reservations.remove(e.orderId());
            committed += e.quantity();
        } else {
            throw new IllegalStateException("Product does not know how to apply " + event.getClass().getName());
        }
    }

    /**
     * Changes the selling price. The current price again is no change: nothing is recorded.
     *
     * @param newPriceCents more than zero
     * @throws DomainRuleViolation {@code product.deleted}, {@code product.invalid_price}
     */
    public List<ProductEvent> updatePrice(long newPriceCents) {
        requireNotDeleted("have its price changed");
        requirePositivePrice(newPriceCents);
        if (newPriceCents == priceCents) {
            return List.of();
        }
        return List.of(new PriceUpdated(id.value(), priceCents, newPriceCents));
    }

    /**
     * Withdraws the product from the catalogue for good.
     *
     * @throws DomainRuleViolation {@code product.deleted} if it already was
     */
    public List<ProductEvent> delete() {
        requireNotDeleted("be deleted again");
        return List.of(new ProductDeleted(id.value()));
    }

    /**
     * Puts delivered units on hand.
     *
     * @param quantity from 1 to {@link #MAX_RECEIVED}
     * @throws DomainRuleViolation {@code product.deleted}, {@code stock.invalid_quantity}
     */
    public List<ProductEvent> receiveStock(int quantity) {
        requireNotDeleted("receive stock");
        if (quantity < 1 || quantity > MAX_RECEIVED) {
            throw new DomainRuleViolation("stock.invalid_quantity",
                    "received stock must be from 1 to " + MAX_RECEIVED + " units, but was " + quantity);
        }
        return List.of(new StockReceived(id.value(), quantity));
    }

    /**
     * Sets units aside for an order. An order that already holds a reservation of this product
     * gets nothing new (the step was taken before).
     *
     * @param quantity at least 1
     * @throws DomainRuleViolation {@code product.deleted}, {@code stock.invalid_quantity},
     *                             {@code stock.insufficient} when fewer units are available
     */
    public List<ProductEvent> reserveStock(UUID orderId, int quantity) {
        Objects.requireNonNull(orderId, "orderId");
        if (reservations.containsKey(orderId)) {
            return List.of();
        }
        requireNotDeleted("be reserved");
        if (quantity < 1) {
            throw new DomainRuleViolation("stock.invalid_quantity",
                    "a reservation needs at least 1 unit, but was " + quantity);
        }
        long available = available();
        if (quantity > available) {
            throw new InsufficientStock(id.value(), quantity, available);
        }
        return List.of(new StockReserved(id.value(), orderId, quantity));
    }

    /** Gives an order's reservation back; nothing if the order holds none (never reserved, or released already). */
    public List<ProductEvent> releaseStock(UUID orderId) {
        Objects.requireNonNull(orderId, "orderId");
        Integer quantity = reservations.get(orderId);
        return quantity == null ? List.of() : List.of(new StockReleased(id.value(), orderId, quantity));
    }

    /** Turns an order's reservation into a sale; nothing if the order holds none (committed already). */
    public List<ProductEvent> commitStock(UUID orderId) {
        Objects.requireNonNull(orderId, "orderId");
        Integer quantity = reservations.get(orderId);
        return quantity == null ? List.of() : List.of(new StockCommitted(id.value(), orderId, quantity));
    }

    /** Units in the warehouse: available, reserved and committed together. */
    public long onHand() {
        return onHand;
    }

    /** Units held by open reservations. */
    public long reserved() {
        long sum = 0;
        for (int quantity : reservations.values()) {
            sum += quantity;
        }
        return sum;
    }

    /** Units sold to confirmed orders and not yet shipped. */
    public long committed() {
        return committed;
    }

    /** Units that can still be reserved. */
    public long available() {
        return onHand - committed - reserved();
    }

    /** The units an order holds reserved, if it holds a reservation. */
    public java.util.OptionalInt reservationOf(UUID orderId) {
        Integer quantity = reservations.get(orderId);
        return quantity == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(quantity);
    }

    /** The product's state as plain data, to be stored as a snapshot. */
    public ProductSnapshot snapshot() {
        return new ProductSnapshot(id.value(), name, priceCents, categoryId, sku, deleted, onHand, committed,
                reservations.entrySet().stream()
                        .map(r -> new ProductSnapshot.Reservation(r.getKey(), r.getValue())).toList());
    }

    /** The product exactly as it was when the snapshot was taken. */
    public static Product restore(ProductSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Product product = new Product();
        product.id = new ProductId(snapshot.productId());
        product.name = snapshot.name();
        product.priceCents = snapshot.priceCents();
        product.categoryId = snapshot.categoryId();
        product.sku = snapshot.sku();
        product.deleted = snapshot.deleted();
        product.onHand = snapshot.onHand();
        product.committed = snapshot.committed();
        snapshot.reservations().forEach(r -> product.reservations.put(r.orderId(), r.quantity()));
        return product;
    }

    public ProductId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long priceCents() {
        return priceCents;
    }

    public String categoryId() {
        return categoryId;
    }

    public String sku() {
        return sku;
    }

    public boolean deleted() {
        return deleted;
    }

    private void requireNotDeleted(String refused) {
        if (deleted) {
            throw new DomainRuleViolation("product.deleted", "product " + id + " is deleted and cannot " + refused);
        }
    }

    private static void requirePositivePrice(long priceCents) {
        if (priceCents <= 0) {
            throw new DomainRuleViolation("product.invalid_price",
                    "a product's price must be more than zero, but was " + priceCents + " cents");
        }
    }

    @Override
    public String toString() {
        return "Product[" + id + ", " + name + ", " + priceCents + " cents" + (deleted ? ", deleted" : "") + "]";
    }
}
