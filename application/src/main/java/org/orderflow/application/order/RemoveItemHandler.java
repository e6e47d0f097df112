package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.RemoveItem;
import org.orderflow.domain.order.LineId;

/** Removes a line from a pending order. */
@Dependent
public class RemoveItemHandler implements CommandHandler<RemoveItem> {

    private final Orders orders;

    @Inject
    public RemoveItemHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<RemoveItem> commandType() {
        return RemoveItem.class;
    }

    @Override
    public CommandResult handle(RemoveItem command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().removeItem(new LineId(command.lineId())));
    }
}
