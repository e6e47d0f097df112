package org.orderflow.application.product;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.product.ProductCommands.ReceiveStock;

/** Puts delivered units of a product on hand. */
@Dependent
public class ReceiveStockHandler implements CommandHandler<ReceiveStock> {

    private final Products products;

    @Inject
    public ReceiveStockHandler(Products products) {
        this.products = products;
    }

    @Override
    public Class<ReceiveStock> commandType() {
        return ReceiveStock.class;
    }

    @Override
    public CommandResult handle(ReceiveStock command, CommandContext context) {
        var product = products.load(context, command.productId());
        return products.append(context, product, product.aggregate().receiveStock(command.quantity()));
    }
}
