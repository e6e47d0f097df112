package org.orderflow.application.fulfilment;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.orderflow.application.command.AggregateNotFound;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.EventSourcedRepository.Loaded;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.order.Orders;
import org.orderflow.application.product.Products;
import org.orderflow.application.projection.Projector;
import org.orderflow.domain.DomainRuleViolation;
import org.orderflow.domain.order.CheckoutFailed;
import org.orderflow.domain.order.CheckoutStarted;
import org.orderflow.domain.order.InventoryReserved;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.product.InsufficientStock;
import org.orderflow.domain.product.Product;

/**
 * The checkout process manager. It follows the log like a projector — its own checkpoint, the
 * gap-safe reader, a failing event parked and retried with backoff — and reacts to the order's
 * checkout events by taking the next step in the same transaction that moves its checkpoint, so
 * every step happens exactly once in effect, and a crash resumes where the checkpoint stands:
 *
 * <ul>
 * <li>{@link CheckoutStarted}: reserve every catalogue line's stock (products in id order), then
 * record the reservation on the order; the first product short of stock (or deleted) fails the
 * checkout instead, naming it;</li>
 * <li>{@link InventoryReserved} of a checkout: the authorization is due (made by
 * {@link CheckoutPayments}, outside any transaction) and waited for until the deadline;</li>
 * <li>{@link CheckoutFailed}: release whatever the order holds, and ask for a refund if an
 * authorization may have taken money;</li>
 * <li>{@link OrderConfirmed} of a checkout: commit the stock.</li>
 * </ul>
 *
 * <p>Its decisions are taken on the aggregates' current state, and each step is idempotent
 * (a reservation, release or commit of an order's stock happens once per product), so a step
 * repeated after a crash or retried by an operator changes nothing the second time. It is not a
 * read model: it cannot be reset or rebuilt, since that would take its steps again.
 */
@Dependent
public class FulfilmentProcess extends Projector {

    public static final String NAME = "fulfilment";
    /** The source recorded on the events it writes. */
    public static final String SOURCE = "orderflow-fulfilment";

    private static final Logger LOG = Logger.getLogger(FulfilmentProcess.class.getName());

    private final Orders orders;
    private final Products products;
    private final CheckoutProcesses processes;
    private final FulfilmentSettings settings;
    private final Clock clock;
    private final CheckoutObserver observer;

    @Inject
    public FulfilmentProcess(Orders orders, Products products, CheckoutProcesses processes, FulfilmentSettings settings,
                             Clock clock, CheckoutObserver observer) {
        this.orders = orders;
        this.products = products;
        this.processes = processes;
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
        on(CheckoutStarted.class, this::reserveStock);
        on(InventoryReserved.class, this::awaitPayment);
        on(CheckoutFailed.class, this::undo);
        on(OrderConfirmed.class, this::commitStock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("the fulfilment process takes steps; it is never reset or rebuilt");
    }

    @Override
    public void reset(String tenantId, String streamId) {
        throw new UnsupportedOperationException("the fulfilment process takes steps; it is never reset or rebuilt");
    }

    private void reserveStock(CheckoutStarted started, RecordedEvent envelope) {
        long begun = System.nanoTime();
        try {
            reserveEveryLine(started, envelope);
        } finally {
            observer.step("reserve_stock", Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private void reserveEveryLine(CheckoutStarted started, RecordedEvent envelope) {
        String tenant = envelope.stream().tenantId();
        processes.started(tenant, started.orderId(), started.totalCents(), envelope.recordedAt());
        CommandContext context = context(envelope);
        Loaded<Order> order = orders.load(context, started.orderId());
        if (!order.aggregate().checkoutRunning()) {
            return; // aborted before the process got to it; CheckoutFailed undoes what there is
        }
        for (CheckoutDecisions.StockNeed need : CheckoutDecisions.stockNeeds(order.aggregate().lines())) {
            Shortage shortage = reserve(context, need, started.orderId());
            if (shortage != null) {
                orders.append(context, order, order.aggregate().abandonCheckout(shortage.code(), need.productId(),
                        shortage.detail()));
                return;
            }
        }
        orders.append(context, order, order.aggregate().checkoutStockReserved());
    }

    /** Why a product's stock could not be reserved. */
    private record Shortage(String code, String detail) {
    }

    /** Reserves one product's units for the order; why it could not, or null. */
    private Shortage reserve(CommandContext context, CheckoutDecisions.StockNeed need, UUID orderId) {
        Loaded<Product> product;
        try {
            product = products.load(context, need.productId());
        } catch (AggregateNotFound gone) {
            return new Shortage(CheckoutFailed.PRODUCT_UNAVAILABLE, "product " + need.productId() + " is not in the catalogue");
        }
        try {
            products.append(context, product, product.aggregate().reserveStock(orderId, need.quantity()));
            return null;
        } catch (InsufficientStock short_) {
            return new Shortage(CheckoutFailed.OUT_OF_STOCK, "out of stock: product " + need.productId() + " ("
                    + product.aggregate().name() + ") has " + short_.available() + " of " + short_.requested()
                    + " units available");
        } catch (DomainRuleViolation refused) {
            return new Shortage(CheckoutFailed.PRODUCT_UNAVAILABLE, "product " + need.productId() + " ("
                    + product.aggregate().name() + ") cannot be reserved: " + refused.getMessage());
        }
    }

    private void awaitPayment(InventoryReserved reserved, RecordedEvent envelope) {
        if (!reserved.reservationId().equals(Order.checkoutReservationId(reserved.orderId()))) {
            return; // a client's own reservation: not a checkout
        }
        processes.awaitPayment(envelope.stream().tenantId(), reserved.orderId(),
                envelope.recordedAt().plus(settings.paymentDeadline()), envelope.recordedAt());
    }

    private void undo(CheckoutFailed failed, RecordedEvent envelope) {
        long begun = System.nanoTime();
        String tenant = envelope.stream().tenantId();
        CommandContext context = context(envelope);
        for (UUID productId : productsOf(tenant, failed.orderId())) {
            try {
                var product = products.load(context, productId);
                products.append(context, product, product.aggregate().releaseStock(failed.orderId()));
            } catch (AggregateNotFound neverExisted) {
                // nothing was reserved of a product that is not in the catalogue
            }
        }
        observer.step("release_stock", Duration.ofNanos(System.nanoTime() - begun));
        var process = processes.find(tenant, failed.orderId());
        boolean refund = process.map(p -> CheckoutDecisions.refundNeeded(p, failed.reasonCode())).orElse(false);
        processes.cancelled(tenant, failed.orderId(), failed.reasonCode(), refund, clock.instant());
        process.ifPresent(p -> observer.settled("cancelled", failed.reasonCode(),
                Duration.between(p.startedAt(), clock.instant())));
        LOG.fine(() -> "Checkout of " + failed.orderId() + " failed (" + failed.reasonCode() + "), stock released");
    }

    private void commitStock(OrderConfirmed confirmed, RecordedEvent envelope) {
        String tenant = envelope.stream().tenantId();
        Order order = orders.find(tenant, confirmed.orderId()).orElseThrow().aggregate();
        if (!order.checkout()) {
            return; // confirmed by the client's own steps
        }
        long begun = System.nanoTime();
        CommandContext context = context(envelope);
        for (CheckoutDecisions.StockNeed need : CheckoutDecisions.stockNeeds(order.lines())) {
            var product = products.load(context, need.productId());
            products.append(context, product, product.aggregate().commitStock(confirmed.orderId()));
        }
        observer.step("commit_stock", Duration.ofNanos(System.nanoTime() - begun));
        processes.find(tenant, confirmed.orderId()).ifPresent(p -> observer.settled("confirmed", null,
                Duration.between(p.startedAt(), clock.instant())));
        processes.confirmed(tenant, confirmed.orderId(), clock.instant());
    }

    /** The catalogue products of the order's lines. */
    private List<UUID> productsOf(String tenant, UUID orderId) {
        List<UUID> ids = new ArrayList<>();
        orders.find(tenant, orderId).ifPresent(order -> CheckoutDecisions.stockNeeds(order.aggregate().lines())
                .forEach(need -> ids.add(need.productId())));
        return ids;
    }

    private static CommandContext context(RecordedEvent cause) {
        return CommandContext.reactingTo(cause, SOURCE, null);
    }
}
