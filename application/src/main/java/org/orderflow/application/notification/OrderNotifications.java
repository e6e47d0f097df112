package org.orderflow.application.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.orderflow.application.command.EventSourcedRepository.Loaded;
import org.orderflow.application.consumer.EventConsumer;
import org.orderflow.application.order.Orders;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderStatus;

/**
 * Tells the customer that an order was confirmed or cancelled. The order is read from its stream
 * as of the event's version, so the message describes the order the event was about even when
 * it is delivered late.
 */
@ApplicationScoped
public class OrderNotifications implements EventConsumer {

    public static final String NAME = "notifications";
    static final Set<String> TYPES = Set.of("OrderConfirmed", "OrderCancelled");

    private Orders orders;
    private CustomerContacts contacts;
    private Notifier notifier;

    protected OrderNotifications() {
        // for CDI proxies
    }

    @Inject
    public OrderNotifications(Orders orders, CustomerContacts contacts, Notifier notifier) {
        this.orders = orders;
        this.contacts = contacts;
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(IntegrationEvent event) {
        return Orders.STREAM_TYPE.equals(event.streamType()) && TYPES.contains(event.eventType());
    }

    @Override
    public String handle(IntegrationEvent event) {
        UUID orderId = UUID.fromString(event.streamId());
        Order order = orders.findAsOf(event.tenantId(), orderId, e -> e.streamVersion() <= event.streamVersion())
                .map(Loaded::aggregate)
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of " + event.eventType() + " not found"));
        if (order.customerId() == null) {
            return "skipped: guest order, no contact";
        }
        Optional<String> address = contacts.addressOf(event.tenantId(), order.customerId());
        if (address.isEmpty()) {
            return "skipped: no contact for customer " + order.customerId();
        }
        Notification notification = compose(address.get(), order, event);
        notifier.send(notification);
        return notifier.channel() + " to " + address.get() + ": " + notification.subject();
    }

    static Notification compose(String recipient, Order order, IntegrationEvent event) {
        String reference = order.id().value().toString().substring(0, 8);
        if (order.status() == OrderStatus.CONFIRMED) {
            return new Notification(recipient, "Your order " + reference + " is confirmed",
                    "Hello " + order.customerName() + ",\n\nyour order " + order.id().value() + " is confirmed: "
                            + order.itemCount() + " item(s), total " + amount(order.totalCents()) + ".\n",
                    event.eventId());
        }
        return new Notification(recipient, "Your order " + reference + " was cancelled",
                "Hello " + order.customerName() + ",\n\nyour order " + order.id().value() + " was cancelled"
                        + (order.cancellationReason() == null ? "" : ": " + order.cancellationReason()) + ".\n",
                event.eventId());
    }

    private static String amount(long cents) {
        return String.format("%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
