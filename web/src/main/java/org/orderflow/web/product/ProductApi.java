package org.orderflow.web.product;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.product.ProductView;

/** Request and response bodies of the product API. */
public final class ProductApi {

    private ProductApi() {
    }

    /** {@code {"product":{"name":"ノートPC","price_cents":120000,"category_id":"computers"}}} */
    public record CreateProductBody(@NotNull @Valid @JsonbProperty("product") NewProduct product) {
    }

    public record NewProduct(
            @NotBlank @Size(max = 200) @JsonbProperty("name") String name,
            @NotNull @Positive @JsonbProperty("price_cents") Long priceCents,
            @NotBlank @Size(max = 100) @JsonbProperty("category_id") String categoryId,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}") @JsonbProperty("sku") String sku) {
    }

    /** {@code {"product":{"price_cents":99000}}} */
    /** {@code {"stock":{"quantity":25}}} */
    public record ReceiveStockBody(@NotNull @Valid @JsonbProperty("stock") NewStock stock) {
    }

    public record NewStock(@NotNull @Positive @jakarta.validation.constraints.Max(1_000_000_000)
                           @JsonbProperty("quantity") Integer quantity) {
    }

    public record UpdatePriceBody(@NotNull @Valid @JsonbProperty("product") NewPrice product) {
    }

    public record NewPrice(@NotNull @Positive @JsonbProperty("price_cents") Long priceCents) {
    }

    /** What every product command answers. */
    @Schema(name = "ProductCommandAccepted", description = "The product, its new version (also the ETag) and the "
            + "global position of its last event (send it as X-Min-Position to read your write)")
    public record CommandAccepted(
            @JsonbProperty("product_id") String productId,
            @JsonbProperty("version") long version,
            @JsonbProperty("position") long position) {

        static CommandAccepted of(CommandResult result) {
            return new CommandAccepted(result.streamId(), result.streamVersion(), result.lastPosition());
        }
    }

    @Schema(name = "Product")
    public record Product(
            @JsonbProperty("product_id") String productId,
            @JsonbProperty("name") String name,
            @JsonbProperty("price_cents") long priceCents,
            @JsonbProperty("category_id") String categoryId,
            @JsonbProperty("sku") String sku,
            @JsonbProperty("deleted") boolean deleted,
            @JsonbProperty("version") long version,
            @JsonbProperty("created_at") String createdAt,
            @JsonbProperty("updated_at") String updatedAt,
            @JsonbProperty("deleted_at") String deletedAt,
            @JsonbProperty("stock") Stock stock) {

        static Product of(ProductView view) {
            return new Product(view.productId(), view.name(), view.priceCents(), view.categoryId(), view.sku(), view.deleted(),
                    view.version(), text(view.createdAt()), text(view.updatedAt()), text(view.deletedAt()),
                    new Stock(view.stock().onHand(), view.stock().reserved(), view.stock().committed(),
                            view.stock().available()));
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** Units: on_hand = available + reserved + committed. */
    public record Stock(
            @JsonbProperty("on_hand") long onHand,
            @JsonbProperty("reserved") long reserved,
            @JsonbProperty("committed") long committed,
            @JsonbProperty("available") long available) {
    }

    public record ProductPage(
            @JsonbProperty("products") List<Product> products,
            @JsonbProperty("page") int page,
            @JsonbProperty("size") int size) {
    }
}
