package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.CreateOrder;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderId;

/** Opens a new, empty order. */
@Dependent
public class CreateOrderHandler implements CommandHandler<CreateOrder> {

    private final Orders orders;

    @Inject
    public CreateOrderHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<CreateOrder> commandType() {
        return CreateOrder.class;
    }

    @Override
    public CommandResult handle(CreateOrder command, CommandContext context) {
        return orders.create(context, command.orderId(), Order.create(new OrderId(command.orderId()),
                command.customerName(), command.customerId(), command.shippingAddress()));
    }
}
