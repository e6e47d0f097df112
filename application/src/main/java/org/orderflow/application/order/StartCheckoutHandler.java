package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.StartCheckout;

/** Starts the checkout of a pending order; the fulfilment process takes it from the event. */
@Dependent
public class StartCheckoutHandler implements CommandHandler<StartCheckout> {

    private final Orders orders;

    @Inject
    public StartCheckoutHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<StartCheckout> commandType() {
        return StartCheckout.class;
    }

    @Override
    public CommandResult handle(StartCheckout command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().startCheckout());
    }
}
