package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.AbortCheckout;
import org.orderflow.domain.order.CheckoutFailed;

/** An operator's abort of a running checkout: the order is cancelled with reason {@code aborted}. */
@Dependent
public class AbortCheckoutHandler implements CommandHandler<AbortCheckout> {

    private final Orders orders;

    @Inject
    public AbortCheckoutHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<AbortCheckout> commandType() {
        return AbortCheckout.class;
    }

    @Override
    public CommandResult handle(AbortCheckout command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order,
                order.aggregate().abandonCheckout(CheckoutFailed.ABORTED, null, "aborted by an operator: " + command.reason()));
    }
}
