package org.orderflow.application.product;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.product.ProductCommands.DeleteProduct;

/** Removes a product from sale; a deleted product accepts no further change. */
@Dependent
public class DeleteProductHandler implements CommandHandler<DeleteProduct> {

    private final Products products;

    @Inject
    public DeleteProductHandler(Products products) {
        this.products = products;
    }

    @Override
    public Class<DeleteProduct> commandType() {
        return DeleteProduct.class;
    }

    @Override
    public CommandResult handle(DeleteProduct command, CommandContext context) {
        var product = products.load(context, command.productId());
        return products.append(context, product, product.aggregate().delete());
    }
}
