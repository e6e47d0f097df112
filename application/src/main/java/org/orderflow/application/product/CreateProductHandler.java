package org.orderflow.application.product;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.product.ProductCommands.CreateProduct;
import org.orderflow.domain.product.Product;
import org.orderflow.domain.product.ProductId;
import org.orderflow.domain.product.Sku;

/** Adds a product to the catalogue. */
@Dependent
public class CreateProductHandler implements CommandHandler<CreateProduct> {

    private final Products products;

    @Inject
    public CreateProductHandler(Products products) {
        this.products = products;
    }

    @Override
    public Class<CreateProduct> commandType() {
        return CreateProduct.class;
    }

    @Override
    public CommandResult handle(CreateProduct command, CommandContext context) {
        return products.create(context, command.productId(), Product.create(new ProductId(command.productId()),
                command.name(), command.priceCents(), command.categoryId(),
                command.sku() == null ? null : new Sku(command.sku())));
    }
}
