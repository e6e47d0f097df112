package org.orderflow.application.product;

import java.util.UUID;
import org.orderflow.application.command.Command;

/** The commands a product accepts. */
public final class ProductCommands {

    private ProductCommands() {
    }

    public record CreateProduct(UUID productId, String name, long priceCents, String categoryId) implements Command {
    }

    public record UpdatePrice(UUID productId, long newPriceCents) implements Command {
    }

    public record DeleteProduct(UUID productId) implements Command {
    }
}
