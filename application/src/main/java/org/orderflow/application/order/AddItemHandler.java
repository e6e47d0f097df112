package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.AggregateNotFound;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.AddItem;
import org.orderflow.application.product.Products;
import org.orderflow.domain.DomainRuleViolation;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.product.Product;

/**
 * Adds a line to a pending order; the result names the new line. A catalogue line takes its name
 * and current price from the product (in the order's tenant); a line sold by name takes both
 * from the command.
 */
@Dependent
public class AddItemHandler implements CommandHandler<AddItem> {

    private final Orders orders;
    private final Products products;

    @Inject
    public AddItemHandler(Orders orders, Products products) {
        this.orders = orders;
        this.products = products;
    }

    @Override
    public Class<AddItem> commandType() {
        return AddItem.class;
    }

    @Override
    public CommandResult handle(AddItem command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        String name = command.productName();
        Long price = command.unitPriceCents();
        if (command.productId() != null) {
            Product product = products.find(context.tenantId(), command.productId())
                    .orElseThrow(() -> new AggregateNotFound(Products.STREAM_TYPE, command.productId().toString()))
                    .aggregate();
            if (product.deleted()) {
                throw new DomainRuleViolation("product.deleted",
                        "product " + product.id() + " was deleted from the catalogue and cannot be ordered");
            }
            if (price != null && price != product.priceCents()) {
                throw new DomainRuleViolation("order.price_mismatch", "product " + product.id() + " costs "
                        + product.priceCents() + " cents now, not " + price + " cents");
            }
            name = product.name();
            price = product.priceCents();
        } else if (price == null) {
            throw new DomainRuleViolation("order.invalid_unit_price",
                    "an item sold by name (without product_id) needs a unit price");
        }
        return orders.append(context, order, order.aggregate().addItem(new LineId(command.lineId()),
                        name, command.productId(), command.quantity(), price))
                .withCreatedId(command.lineId().toString());
    }
}
