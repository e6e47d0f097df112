package org.orderflow.persistence.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.persistence.support.TestDatabase;

/**
 * The bulk writer of a rebuild's rows against real PostgreSQL: what one INSERT or UPDATE over
 * arrays writes is what the entity mapping reads back, for every column type the read models use
 * (text with quotes and newlines, uuid, bigint, integer, boolean, timestamptz, jsonb, nulls).
 */
class RowTableTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456Z");

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void given_new_order_details_rows_when_inserted_in_bulk_then_every_column_reads_back_as_written() {
        OrderDetailsRow full = details("Ada \"the\" Lovelace\nline two\t\\", "{\"city\": \"Zürich\"}");
        full.cancellationProductId = UUID.randomUUID();
        full.confirmedAt = AT.plusSeconds(5);
        OrderDetailsRow sparse = details("Bob", null);

        db.run(em -> RowTable.of(OrderDetailsRow.class).insert(em, List.of(full, sparse)));

        OrderDetailsRow readFull = db.inTransaction(em -> reload(em, full));
        assertThat(readFull).usingRecursiveComparison()
                .ignoringFields("lines", "linesChanged", "linesJson", "shippingAddressJson").isEqualTo(full);
        assertThat(readFull.linesJson).isEqualToIgnoringWhitespace(full.linesJson);
        assertThat(readFull.shippingAddressJson).isEqualToIgnoringWhitespace(full.shippingAddressJson);
        OrderDetailsRow readSparse = db.inTransaction(em -> reload(em, sparse));
        assertThat(readSparse.shippingAddressJson).isNull();
        assertThat(readSparse.customerId).isNull();
        assertThat(readSparse.confirmedAt).isNull();
    }

    @Test
    void given_stored_rows_when_updated_in_bulk_then_their_columns_change_and_no_other_row_does() {
        ProductCatalogRow tea = product("Tea", 350);
        ProductCatalogRow coffee = product("Coffee", 420);
        ProductCatalogRow untouched = product("Water", 100);
        db.run(em -> RowTable.of(ProductCatalogRow.class).insert(em, List.of(tea, coffee, untouched)));
        tea.priceCents = 399;
        tea.deleted = true;
        tea.deletedAt = AT.plusSeconds(60);
        tea.advance(7, AT.plusSeconds(60));
        coffee.stockReserved = 3;
        coffee.name = "Coffee, 'strong'";

        db.run(em -> RowTable.of(ProductCatalogRow.class).update(em, List.of(tea, coffee)));

        assertThat(stored(tea)).usingRecursiveComparison().isEqualTo(tea);
        assertThat(stored(coffee)).usingRecursiveComparison().isEqualTo(coffee);
        assertThat(stored(untouched)).usingRecursiveComparison().isEqualTo(untouched);
    }

    @Test
    void given_a_row_that_is_not_stored_when_updated_in_bulk_then_the_write_fails_instead_of_losing_it() {
        ProductCatalogRow missing = product("Ghost", 1);

        assertThatThrownBy(() -> db.run(em -> RowTable.of(ProductCatalogRow.class).update(em, List.of(missing))))
                .hasStackTraceContaining("wrote 0 of 1 rows");
    }

    @Test
    void given_an_entity_with_a_field_type_it_cannot_render_then_it_refuses_it_when_first_used() {
        assertThatThrownBy(() -> RowTable.of(Unsupported.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported.amount");
    }

    @Test
    void the_statements_name_the_mapped_columns_with_the_key_overrides() {
        RowTable<OrderSummaryRow> summaries = RowTable.of(OrderSummaryRow.class);

        assertThat(summaries.insertSql()).startsWith("INSERT INTO \"order_summaries\" (\"tenant_id\", \"order_id\", ")
                .contains("\"customer_name\"", "\"total_cents\"", "\"version\"", "CAST(CAST(? AS text[]) AS uuid[])");
        assertThat(summaries.updateSql()).contains("WHERE t.\"tenant_id\" = u.\"tenant_id\" AND t.\"order_id\" = u.\"order_id\"")
                .doesNotContain("SET \"tenant_id\"");
    }

    private static ProductCatalogRow stored(ProductCatalogRow row) {
        return db.inTransaction(em -> em.find(ProductCatalogRow.class, row.key()));
    }

    private static OrderDetailsRow reload(EntityManager em, OrderDetailsRow row) {
        return em.find(OrderDetailsRow.class, row.key());
    }

    private static OrderDetailsRow details(String customer, String address) {
        OrderDetailsRow row = new OrderDetailsRow(new TenantKey("tenant-" + UUID.randomUUID(), UUID.randomUUID()));
        row.customerName = customer;
        row.customerId = address == null ? null : "c-1";
        row.shippingAddressJson = address;
        row.status = "DRAFT";
        row.linesJson = "[{\"sku\": \"tea\", \"quantity\": 2}]";
        row.totalCents = 700;
        row.itemCount = 2;
        row.createdAt = AT;
        row.advance(3, AT.plus(1, ChronoUnit.MICROS));
        return row;
    }

    private static ProductCatalogRow product(String name, long price) {
        ProductCatalogRow row = new ProductCatalogRow(new TenantKey("default", UUID.randomUUID()));
        row.name = name;
        row.priceCents = price;
        row.categoryId = "drinks";
        row.sku = name.toLowerCase() + "-" + UUID.randomUUID();
        row.stockOnHand = 10;
        row.createdAt = AT;
        row.advance(1, AT);
        return row;
    }

    /** A mapping the bulk writer has no form for. */
    @Table(name = "unsupported")
    static class Unsupported {
        @Id
        @Column(name = "id")
        UUID id;

        @Column(name = "amount")
        java.math.BigDecimal amount;
    }
}
