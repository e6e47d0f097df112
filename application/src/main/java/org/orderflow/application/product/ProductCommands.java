package org.orderflow.application.product;

import java.util.UUID;
import org.orderflow.application.command.Command;

/** The commands a product accepts. */
public final class ProductCommands {

    private ProductCommands() {
    }

    /** {@code sku} may be null: the product then gets one derived from its category and id. */
    public record CreateProduct(UUID productId, String name, long priceCents, String categoryId, String sku)
            implements Command {
    }

    public record UpdatePrice(UUID productId, long newPriceCents) implements Command {
    }

    public record DeleteProduct(UUID productId) implements Command {
    }

    /** Units delivered to the warehouse. */
    public record ReceiveStock(UUID productId, int quantity) implements Command {
    }
}
