package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.ReserveInventory;

/** Records the inventory reservation of a pending order. */
@Dependent
public class ReserveInventoryHandler implements CommandHandler<ReserveInventory> {

    private final Orders orders;

    @Inject
    public ReserveInventoryHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<ReserveInventory> commandType() {
        return ReserveInventory.class;
    }

    @Override
    public CommandResult handle(ReserveInventory command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().reserveInventory(command.reservationId()));
    }
}
