package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.CancelOrder;

/** Cancels an order that is neither confirmed nor cancelled. */
@Dependent
public class CancelOrderHandler implements CommandHandler<CancelOrder> {

    private final Orders orders;

    @Inject
    public CancelOrderHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<CancelOrder> commandType() {
        return CancelOrder.class;
    }

    @Override
    public CommandResult handle(CancelOrder command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().cancel(command.reason()));
    }
}
