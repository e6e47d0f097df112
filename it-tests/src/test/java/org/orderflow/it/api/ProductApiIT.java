package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;

/** The product catalogue API over HTTP against the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductApiIT {

    private final Api api = Api.client().asTenant("shop" + UUID.randomUUID().toString().substring(0, 8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private String createProduct(String name, long price) {
        Reply created = api.post("/products",
                "{\"product\":{\"name\":\"" + name + "\",\"price_cents\":" + price + ",\"category_id\":\"computers\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("product_id");
    }

    @Test
    void create_reprice_and_read_a_product() {
        Reply created = api.post("/products",
                "{\"product\":{\"name\":\"ノートPC\",\"price_cents\":120000,\"category_id\":\"computers\"}}");
        String id = created.text("product_id");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/orderflow/api/products/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Reply repriced = api.post("/products/" + id + "/update_price", "{\"product\":{\"price_cents\":99000}}");
        Reply samePrice = api.post("/products/" + id + "/update_price", "{\"product\":{\"price_cents\":99000}}");

        assertThat(repriced.status()).isEqualTo(200);
        assertThat(repriced.number("version")).isEqualTo(2);
        assertThat(samePrice.status()).isEqualTo(200);
        assertThat(samePrice.number("version")).as("the same price records nothing").isEqualTo(2);
        Reply product = api.get("/products/" + id);
        assertThat(product.text("name")).isEqualTo("ノートPC");
        assertThat(product.number("price_cents")).isEqualTo(99000);
        assertThat(product.text("category_id")).isEqualTo("computers");
        assertThat(product.json().path("deleted").asBoolean()).isFalse();
        assertThat(product.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void a_price_must_be_positive() {
        Reply zero = api.post("/products", "{\"product\":{\"name\":\"free\",\"price_cents\":0,\"category_id\":\"c\"}}");
        String id = createProduct("pen", 100);
        Reply negative = api.post("/products/" + id + "/update_price", "{\"product\":{\"price_cents\":-5}}");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors").get(0).path("field").asText()).isEqualTo("product.price_cents");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(api.get("/products/" + id).number("price_cents")).isEqualTo(100);
    }

    @Test
    void a_deleted_product_accepts_no_change_and_leaves_the_default_list() {
        String kept = createProduct("kept", 100);
        String deleted = createProduct("deleted", 200);

        Reply delete = api.delete("/products/" + deleted);
        Reply reprice = api.post("/products/" + deleted + "/update_price", "{\"product\":{\"price_cents\":300}}");
        Reply deleteAgain = api.delete("/products/" + deleted);

        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.number("version")).isEqualTo(2);
        assertThat(reprice.status()).isEqualTo(422);
        assertThat(reprice.text("code")).isEqualTo("product.deleted");
        assertThat(deleteAgain.status()).isEqualTo(422);
        assertThat(api.get("/products/" + deleted).json().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/products").json().path("products").findValuesAsText("product_id")).containsExactly(kept);
        assertThat(api.get("/products?include_deleted=true").json().path("products").findValuesAsText("product_id"))
                .containsExactly(deleted, kept);
    }

    @Test
    void unknown_products_are_404() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/products/" + unknown).status()).isEqualTo(404);
        assertThat(api.delete("/products/" + unknown).status()).isEqualTo(404);
        assertThat(api.post("/products/" + unknown + "/update_price", "{\"product\":{\"price_cents\":5}}").status())
                .isEqualTo(404);
    }

    @Test
    void malformed_and_incomplete_bodies_are_400() {
        Reply missingCategory = api.post("/products", "{\"product\":{\"name\":\"x\",\"price_cents\":5}}");
        Reply malformed = api.post("/products", "{\"product\":[");

        assertThat(missingCategory.status()).isEqualTo(400);
        assertThat(missingCategory.json().path("errors").get(0).path("field").asText()).isEqualTo("product.category_id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get("/products").json().path("products")).isEmpty();
    }
}
