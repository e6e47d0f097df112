package org.orderflow.application.product;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.product.ProductCommands.UpdatePrice;

/** Changes a product's price; the same price again records nothing. */
@Dependent
public class UpdatePriceHandler implements CommandHandler<UpdatePrice> {

    private final Products products;

    @Inject
    public UpdatePriceHandler(Products products) {
        this.products = products;
    }

    @Override
    public Class<UpdatePrice> commandType() {
        return UpdatePrice.class;
    }

    @Override
    public CommandResult handle(UpdatePrice command, CommandContext context) {
        var product = products.load(context, command.productId());
        return products.append(context, product, product.aggregate().updatePrice(command.newPriceCents()));
    }
}
