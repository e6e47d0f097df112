package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.AddItem;
import org.orderflow.domain.order.LineId;

/** Adds a line to a pending order; the result names the new line. */
@Dependent
public class AddItemHandler implements CommandHandler<AddItem> {

    private final Orders orders;

    @Inject
    public AddItemHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<AddItem> commandType() {
        return AddItem.class;
    }

    @Override
    public CommandResult handle(AddItem command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().addItem(new LineId(command.lineId()),
                        command.productName(), command.productId(), command.quantity(), command.unitPriceCents()))
                .withCreatedId(command.lineId().toString());
    }
}
