package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.ConfirmOrder;

/** Confirms an order (simple flow from pending, full flow after payment). */
@Dependent
public class ConfirmOrderHandler implements CommandHandler<ConfirmOrder> {

    private final Orders orders;

    @Inject
    public ConfirmOrderHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<ConfirmOrder> commandType() {
        return ConfirmOrder.class;
    }

    @Override
    public CommandResult handle(ConfirmOrder command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().confirm());
    }
}
